"""The process the crash tests kill: it opens a vault and writes through the store functions until it dies.

    python crash_writer.py DATA_DIR RUN_NUMBER        (passphrase in ASKEL_PASSPHRASE)

Before each operation it prints `{"do": …}` and after the operation returned (its transaction committed) it prints
`{"ok": …}` with the ids needed to find the write again; both lines are flushed at once, so what the harness reads
after a SIGKILL is exactly what was acknowledged, plus at most one operation in flight. Writes use the app's real
store functions: clients with guardians, courses, sessions and their notes, questionnaire administrations, typing
drafts, scheduled backups and key file rewrites. No real client data: the names are made up.

Every client carries its guardian count in `school_or_unit` ("guardians=N") in the same transaction as the
guardians, so that the checker can prove that no client is ever seen without its guardians.
"""

from __future__ import annotations

import json
import os
import random
import sys
from datetime import date, datetime, timedelta


def say(record: dict) -> None:
    sys.stdout.write(json.dumps(record, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    from sqlalchemy import text

    from askel.export.retention import _purge_course
    from askel.store import clients, courses
    from askel.store.backup import make_backup, restore_backup
    from askel.store.vault import Vault

    data_dir, run = argv[0], int(argv[1])
    passphrase = os.environ["ASKEL_PASSPHRASE"]
    rnd = random.Random(run)
    vault = Vault.unlock(data_dir, passphrase)
    with vault.read() as session:
        client_ids = [row[0] for row in session.execute(text("SELECT id FROM client"))]
        course_ids = [row[0] for row in session.execute(text("SELECT id FROM course"))]
        session_ids = [row[0] for row in session.execute(text("SELECT id FROM session"))]
    say({"ready": run})
    marker = run * 1_000_000  # grows through every run, so a later note or draft always has a larger number

    def guardians(count: int) -> list:
        return [clients.GuardianData(f"Huoltaja {marker}-{g}", "parent", "0401234567") for g in range(count)]

    operations = ["client", "update_client", "course", "session", "notes", "administration", "draft", "delete",
                  "backup", "rekey", "unlock", "restore", "purge"]
    weights = [20, 8, 12, 12, 20, 12, 20, 2, 1, 1, 3, 1, 2]

    def reload() -> tuple[list, list, list]:
        with vault.read() as session:
            return ([row[0] for row in session.execute(text("SELECT id FROM client"))],
                    [row[0] for row in session.execute(text("SELECT id FROM course"))],
                    [row[0] for row in session.execute(text("SELECT id FROM session"))])

    while True:
        marker += 1
        operation = rnd.choices(operations, weights)[0]
        if operation == "client" or not client_ids:
            count = rnd.randint(0, 3)
            say({"do": "client"})
            client = clients.add_client(vault, clients.ClientData(
                given_names="Koe", family_name=f"Kaatuja {marker}", birth_date=date(2010, 1, 1)
                + timedelta(days=marker % 3000), school_or_unit=f"guardians={count}", guardians=guardians(count)))
            client_ids.append(client.id)
            say({"ok": "client", "id": client.id, "guardians": count, "name": f"Kaatuja {marker}"})
        elif operation == "update_client":
            client_id, count = rnd.choice(client_ids), rnd.randint(0, 3)
            say({"do": "update_client", "id": client_id})
            clients.update_client(vault, client_id, clients.ClientData(
                given_names="Koe", family_name=f"Kaatuja {marker}", birth_date=date(2011, 2, 2),
                school_or_unit=f"guardians={count}", guardians=guardians(count)))
            say({"ok": "update_client", "id": client_id, "guardians": count, "name": f"Kaatuja {marker}"})
        elif operation == "course" or not course_ids:
            client_id = rnd.choice(client_ids)
            say({"do": "course", "client": client_id})
            course = courses.start_course(vault, client_id, "ipc_adults", "1", planned_sessions=6,
                                          goal=f"tavoite {marker}")
            course_ids.append(course.id)
            say({"ok": "course", "id": course.id, "client": client_id, "goal": f"tavoite {marker}"})
        elif operation == "session" or not session_ids:
            course_id = rnd.choice(course_ids)
            say({"do": "session", "course": course_id})
            record = courses.add_session(vault, course_id, datetime(2026, 1, 1, 9) + timedelta(minutes=marker % 9999),
                                         notes=f"note {marker}")
            session_ids.append(record.id)
            say({"ok": "session", "id": record.id, "course": course_id, "notes": marker})
        elif operation == "notes":
            session_id = rnd.choice(session_ids)
            say({"do": "notes", "id": session_id, "notes": marker})
            courses.update_session(vault, session_id, notes=f"note {marker}", homework_given=f"kotitehtävä {marker}")
            say({"ok": "notes", "id": session_id, "notes": marker})
        elif operation == "administration":
            course_id = rnd.choice(course_ids)
            answers = {f"q{i}": rnd.randint(0, 3) for i in range(1, 10)}
            say({"do": "administration", "course": course_id})
            record = courses.record_administration(
                vault, course_id, instrument_id="phq9", instrument_version="1", respondent="client", answers=answers,
                total=float(sum(answers.values())), subscales={}, band=None, alerts=[])
            say({"ok": "administration", "id": record.id, "course": course_id, "total": sum(answers.values()),
                 "answers": answers})
        elif operation == "draft":
            key = f"draft-{rnd.randint(0, 30)}"
            say({"do": "draft", "key": key, "version": marker})
            courses.save_draft(vault, key, f"{marker} " + "kirjoitettu teksti " * rnd.randint(1, 200))
            say({"ok": "draft", "key": key, "version": marker})
        elif operation == "delete":
            client_id = client_ids.pop(rnd.randrange(len(client_ids)))
            say({"do": "delete", "id": client_id})
            clients.delete_client(vault, client_id)
            say({"ok": "delete", "id": client_id})
            client_ids, course_ids, session_ids = reload()
        elif operation == "backup":
            say({"do": "backup"})
            path = make_backup(vault, keep=3)
            say({"ok": "backup", "name": path.name})
        elif operation == "rekey":
            say({"do": "rekey"})
            vault.change_passphrase(passphrase, passphrase)  # a new salt: the key file is rewritten
            say({"ok": "rekey"})
        elif operation == "unlock":  # a lock and an unlock: Argon2id, the key generation, the unlock event
            say({"do": "unlock"})
            vault.close()
            vault = Vault.unlock(data_dir, passphrase)
            say({"ok": "unlock"})
        elif operation == "restore":  # a backup taken now and restored at once: the data stays what it was
            say({"do": "restore"})
            path = make_backup(vault, keep=3)
            vault.close()
            vault = restore_backup(data_dir, path, passphrase).vault
            say({"ok": "restore", "name": path.name})
        elif operation == "purge":  # retention's purge of one course (and of its client when it has no other)
            course_id = rnd.choice(course_ids)
            with vault.read() as session:
                client_id = session.execute(text("SELECT client_id FROM course WHERE id = :id"),
                                            {"id": course_id}).scalar()
            say({"do": "purge", "course": course_id, "client": client_id})
            _purge_course(vault, course_id, 1)
            client_ids, course_ids, session_ids = reload()
            say({"ok": "purge", "course": course_id, "client": client_id, "client_removed": client_id not in client_ids})


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
