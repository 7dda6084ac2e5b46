"""Desktop notifications: the senders (D-Bus, tray), the chooser, and the center that
announces moments through them."""

from relationship_journal.ui.notifications.center import NotificationCenter

__all__ = ["NotificationCenter"]
