"""A renamed contact's name parts follow the whole name while they spelt it."""

from __future__ import annotations

from relationship_journal.domain.names import spells, split_name


def test_parts_that_spell_the_name_are_recognised() -> None:
    assert spells("Daniel  Kowalski", ["", "Daniel", "", "Kowalski", ""])
    assert spells("", ["", "", "", "", ""])
    assert not spells("Dan Kowalski", ["", "Daniel", "", "Kowalski", ""])


def test_a_new_name_takes_the_shape_of_the_old_parts() -> None:
    plain = ("", "Daniel", "", "Kowalski", "")
    assert split_name("Dariusz Kowalczyk", plain) == ("", "Dariusz", "", "Kowalczyk", "")
    assert split_name("Sofía Hernández García", plain) == (
        "",
        "Sofía",
        "",
        "Hernández García",
        "",
    )
    with_middle = ("Dr.", "Anna", "Maria", "Lind", "PhD")
    assert split_name("Dr. Anna Sofia Berg PhD", with_middle) == (
        "Dr.",
        "Anna",
        "Sofia",
        "Berg",
        "PhD",
    )
    assert split_name("Anna Berg", with_middle) == ("", "Anna", "", "Berg", "")
    assert split_name("Madonna", plain) == ("", "Madonna", "", "", "")
    assert split_name("", plain) == ("", "", "", "", "")
