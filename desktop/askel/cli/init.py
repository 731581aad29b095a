"""`askel init`: create a vault without the program's first-run assistant (IT, automation, tests).

    askel init --name N [--role R]        the passphrase as for every command (see askel.cli.common)
"""

from __future__ import annotations

import argparse

from askel.cli.common import CommandError, check_data_folder_is_new, context, new_passphrase


def register(commands: argparse._SubParsersAction) -> None:
    init = commands.add_parser("init", help="create a new vault in the data folder")
    init.add_argument("--name", required=True, help="the clinician's name")
    init.add_argument("--role", default="nurse", help="nurse, public_health_nurse, psychologist, "
                                                       "school_psychologist, social_worker or other")
    init.set_defaults(handler=run_init)


def run_init(args) -> int:
    from askel.core import validation
    from askel.store.models import ROLES
    from askel.store.vault import Vault

    if args.role not in ROLES:
        raise CommandError(f"unknown role {args.role!r}; choose one of {', '.join(ROLES)}")
    try:
        name = validation.person_name(args.name)
    except validation.ValidationError as error:
        raise CommandError(error.message.english()) from None
    ctx = context(args)
    if ctx.settings.is_failsafe("recovery_public_key"):
        raise CommandError("the IT policy cannot be used (askel policy show lists why), so the organisation's "
                           "recovery key is unknown: no vault is created until IT corrects the policy")
    check_data_folder_is_new(ctx.data_dir)
    passphrase = new_passphrase(args, settings=ctx.settings)
    vault = Vault.create(ctx.data_dir, passphrase, clinician_name=name, role=args.role,
                         recovery_public_key=str(ctx.settings.get("recovery_public_key")))
    vault.close()
    print(f"created a vault in {ctx.data_dir}")
    return 0
