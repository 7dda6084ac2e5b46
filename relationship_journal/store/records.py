"""Rows made into the plain values of ``domain.records``, for everything above the store."""

from __future__ import annotations

from relationship_journal.domain.records import (
    ContactRecord,
    CustomFieldRecord,
    FactRecord,
    LayerRecord,
    PromiseRecord,
    StageChangeRecord,
)
from relationship_journal.store.models import (
    Contact,
    ContactLayer,
    CustomField,
    ProfileFact,
    Promise,
    StageChange,
)


def contact_record(row: Contact) -> ContactRecord:
    assert row.id is not None
    return ContactRecord(
        id=row.id,
        display_name=row.display_name,
        given_name=row.given_name,
        family_name=row.family_name,
        nickname=row.nickname,
        name_prefix=row.name_prefix,
        middle_name=row.middle_name,
        name_suffix=row.name_suffix,
        org_unit=row.org_unit,
        role=row.role,
        title=row.title,
        organisation_id=row.organisation_id,
        birth_year=row.birth_year,
        birth_month=row.birth_month,
        birth_day=row.birth_day,
        relationship_type=row.relationship_type,
        tier=row.tier,
        cadence_days=row.cadence_days,
        met_on=row.met_on,
        met_how=row.met_how,
        notes=row.notes,
        has_photo=row.photo is not None,
        deleted_at=row.deleted_at,
        last_contact_at=row.last_contact_at,
        known_score=row.known_score,
        stage=row.stage,
    )


def promise_record(row: Promise) -> PromiseRecord:
    assert row.id is not None
    return PromiseRecord(
        row.id,
        row.contact_id,
        row.owner,
        row.text,
        row.made_on,
        row.due_on,
        row.status,
        row.resolved_on,
        row.entry_id,
    )


def fact_record(row: ProfileFact) -> FactRecord:
    assert row.id is not None
    return FactRecord(row.id, row.contact_id, row.topic, row.text, row.recorded_at)


def layer_record(row: ContactLayer) -> LayerRecord:
    return LayerRecord(row.layer, row.model_key, row.stage, row.since)


def stage_change_record(row: StageChange) -> StageChangeRecord:
    return StageChangeRecord(row.layer, row.stage, row.changed_at, row.note)


def custom_field_record(row: CustomField) -> CustomFieldRecord:
    assert row.id is not None
    choices = tuple(c for c in row.choices.splitlines() if c)
    return CustomFieldRecord(row.id, row.name, row.field_type, choices)
