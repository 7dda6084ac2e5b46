"""The window's menus and keys, declared in one place (see ``ui.actions``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from relationship_journal import APP_NAME
from relationship_journal.ui.actions import ActionRegistry, ActionSpec, MenuSpec
from relationship_journal.ui.sidebar import NAVIGATION

if TYPE_CHECKING:
    from relationship_journal.ui.main_window import MainWindow

Std = QKeySequence.StandardKey

EXPORTS = (
    ("vcard", "Contacts as &vCard…"),
    ("csv", "Contacts as &CSV…"),
    ("json", "Whole journal as &JSON…"),
    ("ics", "&Moments as calendar (.ics)…"),
)


def _file_menu(w: MainWindow) -> MenuSpec:
    return MenuSpec(
        "&File",
        [
            ActionSpec(
                "newContact", "&New contact…", w.contact_editing.new_contact, ("Ctrl+N",), "add"
            ),
            ActionSpec(
                "logInteraction", "&Log interaction…", w.log_interaction, ("Ctrl+L",), "log"
            ),
            ActionSpec(
                "logMeeting",
                "Log the &meeting that ended…",
                w.today_page.meetings.log_latest,
                ("Ctrl+Shift+M",),
                "log",
                "The latest meeting on Today's \u201cMeetings to log\u201d, filled in",
            ),
            ActionSpec("newReminder", "New &reminder…", w.new_reminder, ("Ctrl+R",), "reminder"),
            "-",
            ActionSpec(
                "importContacts", "&Import contacts…", w.import_contacts, ("Ctrl+I",), "import"
            ),
            MenuSpec(
                "&Export",
                [
                    ActionSpec(f"export_{fmt}", text, lambda f=fmt: w.files.export(f))
                    for fmt, text in EXPORTS
                ],
            ),
            ActionSpec("backupNow", "&Back up now", w.files.backup_now),
            ActionSpec("restoreBackup", "Res&tore from backup…", w.files.restore_from_backup),
            "-",
            ActionSpec("lockNow", "Loc&k now", w.window_lock.lock, ("Ctrl+Shift+L",)),
            ActionSpec("startOwn", "&Start my own journal", w.start_own_journal),
            "-",
            ActionSpec("quit", "&Quit", w.quit, (Std.Quit, "Ctrl+Q")),
        ],
    )


def _edit_menu(w: MainWindow, registry: ActionRegistry) -> MenuSpec:
    stack = w.context.undo_stack
    undo = registry.adopt(stack.createUndoAction(w, "&Undo"), "undo", (Std.Undo, "Ctrl+Z"))
    redo = registry.adopt(
        stack.createRedoAction(w, "&Redo"), "redo", (Std.Redo, "Ctrl+Shift+Z", "Ctrl+Y")
    )
    return MenuSpec(
        "&Edit",
        [
            undo,
            redo,
            "-",
            ActionSpec("find", "&Find contact", w.find, ("Ctrl+F",), "search"),
            # Text fields take Ctrl+K for themselves on some platforms; Ctrl+Shift+F always works.
            ActionSpec(
                "searchAll",
                "&Search everything…",
                w.open_switcher,
                ("Ctrl+K", "Ctrl+Shift+F"),
                "search",
            ),
            ActionSpec("editContact", "&Edit contact…", w.edit_current, ("Ctrl+E",), "edit"),
            ActionSpec("brief", "Meeting &brief", w.brief_current, ("Ctrl+B",), "brief"),
            "-",
            ActionSpec("findDuplicates", "Find &duplicates…", w.find_duplicates),
            ActionSpec("customFields", "Custom f&ields…", w.edit_custom_fields),
            ActionSpec(
                "settings", "Se&ttings…", w.show_settings, (Std.Preferences, "Ctrl+,"), "settings"
            ),
        ],
    )


def _go_menu(w: MainWindow) -> MenuSpec:
    pages: list[ActionSpec | str | MenuSpec] = [
        ActionSpec(f"go_{key}", text, lambda i=index: w.go(i), (f"Ctrl+{index + 1}",), icon_name)
        for index, (key, text, icon_name) in enumerate(NAVIGATION)
    ]
    return MenuSpec(
        "&Go",
        [
            *pages,
            "-",
            ActionSpec("nextContact", "&Next contact", lambda: w.step_contact(1), ("Ctrl+Down",)),
            ActionSpec(
                "previousContact", "&Previous contact", lambda: w.step_contact(-1), ("Ctrl+Up",)
            ),
            ActionSpec("back", "&Back", w.back, (Std.Back, "Alt+Left")),
        ],
    )


def build_menus(w: MainWindow) -> ActionRegistry:
    registry = ActionRegistry(w)
    help_menu = MenuSpec(
        "&Help",
        [
            ActionSpec("shortcuts", "&Keyboard shortcuts", w.show_shortcuts, ("F1",)),
            ActionSpec("exploreDemo", "Explore the &demo journal", w.explore_demo),
            ActionSpec("about", f"&About {APP_NAME}", w.show_about),
        ],
    )
    registry.build(
        w.menuBar(),
        [_file_menu(w), _edit_menu(w, registry), _go_menu(w), help_menu],
    )
    registry["startOwn"].setVisible(w.context.is_demo)
    registry["exploreDemo"].setVisible(not w.context.is_demo)
    return registry
