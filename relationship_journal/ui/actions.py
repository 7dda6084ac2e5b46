"""Every command the window offers, declared once: menu, text, keys, icon and what it does.

The menus, the keyboard shortcuts list (F1) and the README's keyboard table are all read
from the registry, so none of them can promise a key the window does not bind.

Slots are always called without arguments: Qt's ``triggered`` and ``clicked`` send a
``checked`` flag, which a slot with an optional first parameter would take for its
argument (``import_contacts(path=False)``). ``connect_plain`` does the same for buttons.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from relationship_journal.ui.icons import icon

Key = str | QKeySequence.StandardKey


def connect_plain(signal: SignalInstance, slot: Callable[[], object]) -> None:
    """Connect ``slot`` so that it is called with no arguments, whatever the signal sends."""
    signal.connect(lambda *_args: slot())


def key_sequences(keys: Sequence[Key]) -> list[QKeySequence]:
    """The sequences for ``keys``, standard keys expanded to this platform's bindings."""
    found: list[QKeySequence] = []
    for key in keys:
        sequences = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        for sequence in sequences:
            if not sequence.isEmpty() and sequence not in found:
                found.append(sequence)
    return found


def key_text(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


# Keys a person can press on an ordinary keyboard: platforms also bind media and vendor keys
# ("Undo", "F14", "Back"), which mean nothing in a list of shortcuts.
_TYPEABLE = re.compile(
    r"^((Ctrl|Shift|Alt|Meta)\+)*(.|F([1-9]|1[0-2])|Left|Right|Up|Down|Del|Home|End|PgUp|PgDown)$"
)


def typeable(key: str) -> bool:
    return bool(_TYPEABLE.match(key))


@dataclass(frozen=True)
class ActionSpec:
    name: str  # objectName: tests and the shortcuts list find the action by it
    text: str
    slot: Callable[[], object]
    keys: tuple[Key, ...] = ()
    icon_name: str = ""
    tip: str = ""


@dataclass
class MenuSpec:
    title: str
    items: list[ActionSpec | str | MenuSpec | QAction] = field(default_factory=list)
    # "-" is a separator; a QAction is one made elsewhere (undo and redo)


class ActionRegistry(QObject):
    """Creates the window's actions and menus from specs and keeps them by name."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.actions: dict[str, QAction] = {}
        # The keys as written in the specs: the same on every platform, for the README.
        self.documented: dict[str, list[str]] = {}
        self._labels: dict[str, str] = {}  # undo's text changes with the step; its label not
        self._menu_order: list[str] = []

    def add(self, spec: ActionSpec) -> QAction:
        action = QAction(spec.text, self._window)
        action.setObjectName(spec.name)
        sequences = key_sequences(spec.keys)
        if sequences:
            action.setShortcuts(sequences)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if spec.icon_name:
            action.setIcon(icon(spec.icon_name))
        tip = spec.tip or spec.text.replace("&", "").rstrip("…")
        if sequences:
            tip += f" ({key_text(sequences[0])})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        connect_plain(action.triggered, spec.slot)
        self._window.addAction(action)
        self.actions[spec.name] = action
        self.documented[spec.name] = [key for key in spec.keys if isinstance(key, str)]
        self._labels[spec.name] = spec.text
        return action

    def adopt(self, action: QAction, name: str, keys: Sequence[Key]) -> QAction:
        self._labels[name] = action.text()
        """Register an action made elsewhere (undo, redo) with its keys."""
        action.setObjectName(name)
        action.setShortcuts(key_sequences(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._window.addAction(action)
        self.actions[name] = action
        self.documented[name] = [key for key in keys if isinstance(key, str)]
        return action

    def build(self, bar: QMenuBar, menus: Sequence[MenuSpec]) -> None:
        for spec in menus:
            self._fill(bar.addMenu(spec.title), spec)

    def _fill(self, menu: QMenu, spec: MenuSpec) -> None:
        for item in spec.items:
            if item == "-":
                menu.addSeparator()
            elif isinstance(item, MenuSpec):
                submenu = menu.addMenu(item.title)
                submenu.setObjectName(f"menu_{item.title.replace('&', '').strip()}")
                self._fill(submenu, item)
            elif isinstance(item, QAction):
                menu.addAction(item)
                self._menu_order.append(item.objectName())
            elif isinstance(item, ActionSpec):
                menu.addAction(self.add(item))
                self._menu_order.append(item.name)

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def shortcuts(self, documented: bool = False) -> list[tuple[str, list[str]]]:
        """(what, keys) for every action with keys, in menu order: as bound on this platform
        (F1), or as written in the specs (``documented``: the README's table)."""
        rows = []
        order = [*self._menu_order, *(n for n in self.actions if n not in self._menu_order)]
        for name in order:
            keys = list(self.documented[name])
            if not documented:
                bound = [key_text(s) for s in self.actions[name].shortcuts() if not s.isEmpty()]
                keys = [k for k in keys if k in bound]
                keys += [k for k in bound if k not in keys and typeable(k)]
            if keys:
                rows.append((self._labels[name].replace("&", "").rstrip("…").strip(), keys))
        return rows


def markdown_table(rows: list[tuple[str, list[str]]]) -> str:
    """The README's keyboard table."""
    lines = ["| command | keys |", "|---|---|"]
    lines += [f"| {what} | {' or '.join(keys)} |" for what, keys in rows]
    return "\n".join(lines)
