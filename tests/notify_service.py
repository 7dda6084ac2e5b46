"""A stand-in for the desktop's notification service, run on a private session bus.

``python notify_service.py ADDRESS LOG``: owns org.freedesktop.Notifications, writes each
notification it accepts to LOG (one JSON object a line) and answers like a real service.
Strict as GNOME Shell: a ``Notify`` of any other signature is refused. Tests click a
notification by calling ``Click(id, action)`` on the test interface, which emits
``ActionInvoked`` as the desktop does.
"""

from __future__ import annotations

import json
import sys

from jeepney import HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from jeepney.wrappers import DBusAddress

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
TEST_INTERFACE = "org.example.NotificationsTest"


def main(address: str, log: str) -> None:
    connection = open_dbus_connection(address)
    connection.send_and_get_reply(message_bus.RequestName(SERVICE))
    emitter = DBusAddress(PATH, interface=SERVICE)
    next_id = 0
    while True:
        message = connection.receive()
        if message.header.message_type != MessageType.method_call:
            continue
        fields = message.header.fields
        member = fields.get(HeaderFields.member)
        signature = fields.get(HeaderFields.signature, "")
        if member == "GetCapabilities":
            reply = new_method_return(message, "as", (["actions", "body"],))
        elif member == "GetServerInformation":
            reply = new_method_return(message, "ssss", ("fake", "tests", "1", "1.2"))
        elif member == "Notify" and signature == "susssasa{sv}i":
            next_id += 1
            app, _replaces, _icon, summary, body, actions, _hints, _timeout = message.body
            with open(log, "a", encoding="utf-8") as handle:
                record = {"id": next_id, "app": app, "summary": summary, "body": body}
                handle.write(json.dumps({**record, "actions": actions}) + "\n")
            reply = new_method_return(message, "u", (next_id,))
        elif member == "Click":
            notification_id, action = message.body
            connection.send(new_signal(emitter, "ActionInvoked", "us", (notification_id, action)))
            reply = new_method_return(message)
        else:
            reply = new_error(message, "org.freedesktop.DBus.Error.InvalidArgs", "s", (signature,))
        connection.send(reply)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
