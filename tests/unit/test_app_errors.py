"""What the command line says when something goes wrong: one line, never a traceback."""

from __future__ import annotations

import pytest

from relationship_journal import app


def _raising(error: BaseException) -> object:
    def run(_args: object) -> int:
        raise error

    return run


def _broken_off_by_ctrl_c() -> BaseException:
    """A rollback refused because Ctrl+C broke off the statement it was in: raised while
    the interrupt was handled, so the interrupt is its context."""
    error = RuntimeError("Can't reconnect until invalid transaction is rolled back")
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt as interrupt:
        error.__context__ = interrupt
    return error


def test_an_error_raised_while_ctrl_c_was_handled_says_interrupted(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(app, "_run", _raising(_broken_off_by_ctrl_c()))
    assert app.main(["contacts"]) == 130
    err = capsys.readouterr().err
    assert "interrupted; every action is saved whole or not at all" in err
    assert "Traceback" not in err and "reconnect" not in err


def test_any_other_error_is_one_line_that_says_it_is_a_bug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(app, "_run", _raising(RuntimeError("boom")))
    assert app.main(["contacts"]) == 1
    err = capsys.readouterr().err
    assert "boom" in err and "Traceback" not in err
