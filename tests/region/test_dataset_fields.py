"""What a course's record in the regional data set says about the guarantee exception and prorated scores: the
reason code and the flags, never the clinician's note."""

from __future__ import annotations

import json
from datetime import date, datetime

from askel.core.content.library import ContentLibrary
from askel.core.paths import resources_dir
from askel.export.dataset import build
from askel.export.disclosure import Period
from askel.store.clients import ClientData, add_client
from askel.store.courses import (
    add_session,
    finish_course,
    record_administration,
    record_guarantee_exception,
    start_course,
)

NOTE = "Asiakas oli sairaalahoidossa kolme viikkoa"


def test_the_data_set_carries_the_exception_reason_and_the_prorated_flags(vault):
    library = ContentLibrary.load(resources_dir())
    protocol = library.protocol("klt_adolescents")
    client = add_client(vault, ClientData("Testi", "Nuori", date(2009, 3, 4)))
    course = start_course(vault, client.id, protocol.id, protocol.version, need_established=date(2025, 6, 2),
                          start_date=date(2025, 6, 3))
    record_guarantee_exception(vault, course.id, "medical", NOTE)
    add_session(vault, course.id, datetime(2025, 7, 21, 9), attendance="attended")
    phq9 = library.instrument("phq9")
    for total, prorated in ((14.6, True), (6.0, False)):
        record_administration(vault, course.id, instrument_id="phq9", instrument_version=phq9.version,
                              respondent="client", answers={}, total=total, subscales={}, band=None, alerts=[],
                              prorated=prorated)
    finish_course(vault, course.id, status="completed", end_date=date(2025, 9, 30), usefulness=4, next_step="none")

    dataset = build(vault, library, Period.of("year", 2025), unit_code="U1")
    (record,) = dataset["records"]
    assert record["guarantee_exception"] == "medical"
    (scores,) = record["scores"]
    assert (scores["first_prorated"], scores["last_prorated"]) == (True, False)
    assert NOTE not in json.dumps(dataset, ensure_ascii=False)
