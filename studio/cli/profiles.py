"""``studio-cli profiles``: add, list, remove and test relay profiles.

Keys come from standard input only (``--key-stdin``): a ``--key`` option would leave them in
the shell history. Exit codes: 0 done, 1 the relay test failed (or saving failed), 2 invalid
input or an unknown profile.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from dataclasses import fields
from typing import Any

from studio.catalog import Catalog, CatalogError
from studio.cli.output import say, say_json
from studio.domain.errors import ErrorKind, InputError, StudioError, fill
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.keys import check_api_key
from studio.domain.profile import AsyncOptions, AuthStyle, Profile
from studio.domain.redact import redact
from studio.protocols.models import PATH as MODELS_PATH
from studio.settings.check import (
    MSG_TEST_UNREACHABLE,
    check_relay,
    known_to_catalog,
    unreachable_reason,
)
from studio.settings.profiles import ProfileStore, profile_to_dict, validate_profile
from studio.settings.secrets import SERVICE, KeyStatus, key_variable, session_only_notice

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2
PROG = "studio-cli profiles"

MSG_EMPTY_STDIN_KEY = QT_TRANSLATE_NOOP(
    ERRORS,
    "No key arrived on standard input; nothing was saved. Pipe the key in, e.g. from a file.",
)
MSG_KEY_HAS_SPACES = QT_TRANSLATE_NOOP(
    ERRORS,
    "The key read from standard input contains spaces or several lines; nothing was saved. "
    "Send only the key.",
)

_DEFAULTS = Profile(name="", base_url="")
_ASYNC_DEFAULTS = AsyncOptions()
_PROFILE_FIELDS = frozenset(f.name for f in fields(Profile)) - {
    "name",
    "base_url",
    "api_key",
    "async_options",
}
_ASYNC_FIELDS = frozenset(f.name for f in fields(AsyncOptions))
_AUTH_STYLES = [style.value for style in AuthStyle]
_KEY_LABELS = {
    KeyStatus.STORED: "stored",
    KeyStatus.SESSION_ONLY: "this session only",
    KeyStatus.FROM_ENVIRONMENT: "from environment",
    KeyStatus.MISSING: "missing",
}


# -- the parser ------------------------------------------------------------------------------


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "profiles",
        help="manage relay profiles (keys in the OS keyring)",
        description="Relay profiles: a base URL and protocol options in profiles.json, the API "
        "key in the OS keyring (never in a file).",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    _add_add_parser(actions)

    listing = actions.add_parser("list", help="list the profiles", description="List profiles.")
    listing.add_argument(
        "--json", action="store_true", help="print one JSON array (never the keys)"
    )
    listing.set_defaults(handler=run_list)

    removing = actions.add_parser(
        "remove", help="remove a profile and its key", description="Remove a profile and its key."
    )
    removing.add_argument("name", metavar="NAME")
    removing.set_defaults(handler=run_remove)

    testing = actions.add_parser(
        "test",
        help="check that the relay answers and accepts the key",
        description=f"GET {MODELS_PATH} through the profile: is the relay reachable, does it "
        "accept the key, how many models does it offer?",
    )
    testing.add_argument("name", metavar="NAME")
    testing.set_defaults(handler=run_test)


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in text.split(",") if word.strip())


def _add_add_parser(actions: Any) -> None:
    parser = actions.add_parser(
        "add",
        help="add or replace a profile",
        description="Add a profile, or replace the one with the same name (options not given "
        "take their defaults; a stored key is kept unless --key-stdin is given).",
    )
    parser.add_argument("name", metavar="NAME")
    parser.add_argument(
        "--base-url", required=True, metavar="URL", help="e.g. https://relay.example/v1"
    )
    parser.add_argument(
        "--key-stdin",
        action="store_true",
        help="read the API key from standard input (there is no --key: it would end up in the "
        "shell history)",
    )
    relay = parser.add_argument_group("relay options")
    for flag, dest, what in (
        ("--auth-style", "auth_style", "how the key is sent for OpenAI-style calls"),
        ("--gemini-auth", "gemini_auth", "how the key is sent for Gemini calls"),
        ("--midjourney-auth", "midjourney_auth", "how the key is sent for Midjourney calls"),
    ):
        relay.add_argument(
            flag,
            dest=dest,
            choices=_AUTH_STYLES,
            help=f"{what} (default: {getattr(_DEFAULTS, dest).value})",
        )
    relay.add_argument(
        "--multi-image-field",
        metavar="NAME",
        help=f"form field for several images in an edit (default: {_DEFAULTS.multi_image_field})",
    )
    relay.add_argument(
        "--connect-timeout",
        type=float,
        metavar="SECONDS",
        help=f"default: {_DEFAULTS.connect_timeout:g}",
    )
    relay.add_argument(
        "--read-timeout",
        type=float,
        metavar="SECONDS",
        help=f"how long to wait for an answer (default: {_DEFAULTS.read_timeout:g})",
    )
    relay.add_argument(
        "--concurrency",
        type=int,
        metavar="N",
        help=f"requests at once (default: {_DEFAULTS.concurrency})",
    )
    relay.add_argument(
        "--proxy", metavar="URL", help="HTTP or SOCKS5 proxy (default: the environment's)"
    )

    money = parser.add_argument_group("money options")
    money.add_argument(
        "--price-multiplier",
        type=float,
        metavar="X",
        help="what this relay charges against the catalog's list price, e.g. 1.5 for a "
        f"reseller's markup (default: {_DEFAULTS.price_multiplier:g})",
    )
    money.add_argument(
        "--daily-budget",
        type=float,
        metavar="AMOUNT",
        help="spending limit per day (default: none)",
    )
    money.add_argument(
        "--monthly-budget",
        type=float,
        metavar="AMOUNT",
        help="spending limit per month (default: none)",
    )
    money.add_argument(
        "--budget-currency",
        metavar="CODE",
        help=f"currency of the budgets (default: {_DEFAULTS.budget_currency})",
    )

    tasks = parser.add_argument_group("async task options")
    tasks.add_argument(
        "--async-submit-path",
        dest="submit_path",
        metavar="PATH",
        help="where async requests go; {path} stands for the normal path "
        "(default: the normal path)",
    )
    tasks.add_argument(
        "--async-submit-query",
        dest="submit_query",
        metavar="QUERY",
        help=f"query added to async requests (default: {_ASYNC_DEFAULTS.submit_query})",
    )
    tasks.add_argument(
        "--async-poll-path",
        dest="poll_path",
        metavar="PATH",
        help=f"where tasks are polled (default: {_ASYNC_DEFAULTS.poll_path})",
    )
    for kind in ("pending", "success", "failure"):
        default = ",".join(getattr(_ASYNC_DEFAULTS, f"{kind}_words"))
        tasks.add_argument(
            f"--async-{kind}-words",
            dest=f"{kind}_words",
            type=_words,
            metavar="A,B",
            help=f"task statuses meaning {kind} (default: {default})",
        )
    tasks.add_argument(
        "--poll-interval",
        type=float,
        metavar="SECONDS",
        help=f"default: {_ASYNC_DEFAULTS.poll_interval:g}",
    )
    tasks.add_argument(
        "--max-wait",
        type=float,
        metavar="SECONDS",
        help=f"give up polling after this long (default: {_ASYNC_DEFAULTS.max_wait:g})",
    )
    tasks.add_argument("--webhook", metavar="URL", help="sent with async requests (default: none)")
    parser.set_defaults(handler=run_add)


# -- helpers ---------------------------------------------------------------------------------


def _complain(error: StudioError) -> int:
    say(f"{PROG}: {error.full_text()}", error=True)
    return EXIT_INVALID if isinstance(error, InputError) else EXIT_FAILED


def profile_from_args(args: argparse.Namespace) -> Profile:
    given = {name: value for name, value in vars(args).items() if value is not None}
    settings: dict[str, Any] = {name: given[name] for name in _PROFILE_FIELDS & given.keys()}
    for name in ("auth_style", "gemini_auth", "midjourney_auth"):
        if name in settings:
            settings[name] = AuthStyle(settings[name])
    async_settings = {name: given[name] for name in _ASYNC_FIELDS & given.keys()}
    return Profile(
        name=args.name,
        base_url=args.base_url.strip(),
        async_options=AsyncOptions(**async_settings),
        **settings,
    )


def read_key_from_stdin() -> str:
    if sys.stdin is None:
        raise InputError(ErrorKind.INVALID_INPUT, MSG_EMPTY_STDIN_KEY)
    text = getpass.getpass("API key (not shown): ") if sys.stdin.isatty() else sys.stdin.read()
    key = text.strip()
    if not key:
        raise InputError(ErrorKind.INVALID_INPUT, MSG_EMPTY_STDIN_KEY)
    check_api_key(key)  # names a line break, a zero-width space, a non-ASCII letter …
    if any(character.isspace() for character in key):
        raise InputError(ErrorKind.INVALID_INPUT, MSG_KEY_HAS_SPACES)
    return key


def _shown(value: Any) -> str:
    return ",".join(value) if isinstance(value, list) else str(value)


def _changed_settings(profile: Profile) -> list[str]:
    """``  setting: value`` for each setting that differs from the default."""
    defaults = profile_to_dict(Profile(name=profile.name, base_url=profile.base_url))
    saved = profile_to_dict(profile)
    changed = [(name, value) for name, value in saved.items() if value != defaults[name]]
    changed += [
        (f"async {name}", value)
        for name, value in saved["async"].items()
        if value != defaults["async"][name]
    ]
    return [f"  {name}: {_shown(value)}" for name, value in changed if name != "async"]


# -- add / list / remove ---------------------------------------------------------------------


def run_add(args: argparse.Namespace) -> int:
    store = ProfileStore()
    try:
        profile = profile_from_args(args)
        validate_profile(profile)
        replacing = profile.name in store.names()
        key = read_key_from_stdin() if args.key_stdin else None
        key_status = store.add(profile, key)
    except StudioError as error:
        return _complain(error)
    verb = "Replaced" if replacing else "Added"
    say(f"{verb} the profile {profile.name} ({profile.root_url}) in {store.path}.")
    changed = _changed_settings(profile)
    say("Settings: " + ("defaults except" if changed else "all defaults"))
    for line in changed:
        say(line)
    if key_status is KeyStatus.STORED:
        say(f"Key: stored in the system keyring (service {SERVICE}, user {profile.name}).")
    elif key_status is KeyStatus.SESSION_ONLY:
        say("Key: not saved (no system keyring).")
        say(f"{PROG}: {session_only_notice(profile.name).message}", error=True)
    else:
        _print_kept_key(store, profile.name)
    return EXIT_OK


def _print_kept_key(store: ProfileStore, name: str) -> None:
    status = store.keys.status(name)
    if status is KeyStatus.STORED:
        say("Key: unchanged (in the system keyring).")
    elif status is KeyStatus.FROM_ENVIRONMENT:
        say("Key: none stored; the one in the environment will be used.")
    else:
        say(
            f"Key: none. Add one with --key-stdin (e.g. `{PROG} add {name} --base-url URL "
            f"--key-stdin < key.txt`) or set {key_variable(name)}."
        )


def run_list(args: argparse.Namespace) -> int:
    store = ProfileStore()
    try:
        profiles = store.all(with_keys=False)
    except StudioError as error:
        return _complain(error)
    statuses = {profile.name: store.keys.status(profile.name) for profile in profiles}
    if args.json:
        rows = [
            {
                **profile_to_dict(profile),
                "has_key": statuses[profile.name] is not KeyStatus.MISSING,
                "key_source": statuses[profile.name].value,
            }
            for profile in profiles
        ]
        say_json(rows)
        return EXIT_OK
    if not profiles:
        say(f"No profiles yet. Add one with: {PROG} add NAME --base-url URL --key-stdin")
        return EXIT_OK
    table = [("NAME", "BASE URL", "KEY")] + [
        (profile.name, redact(profile.base_url), _KEY_LABELS[statuses[profile.name]])
        for profile in profiles
    ]
    widths = [max(len(row[column]) for row in table) for column in range(2)]
    for name, url, key in table:
        say(f"{name:<{widths[0]}}  {url:<{widths[1]}}  {key}")
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    try:
        ProfileStore().remove(args.name)
    except StudioError as error:
        return _complain(error)
    say(f"Removed the profile {args.name} and its key.")
    return EXIT_OK


# -- test ------------------------------------------------------------------------------------


def _reason(error: StudioError | None) -> str:
    if error is None:
        return ""
    if error.kind is ErrorKind.NETWORK:
        return " — " + fill(MSG_TEST_UNREACHABLE, {"reason": unreachable_reason(error)})
    return " — " + error.full_text().replace("\n", " — the relay said: ")


def _catalog_count(ids: tuple[str, ...]) -> str:
    try:
        catalog = Catalog.load()
    except (CatalogError, OSError):
        return "the studio's catalog could not be loaded"
    return f"{known_to_catalog(catalog, ids)} of them in the studio's catalog"


def run_test(args: argparse.Namespace) -> int:
    try:
        profile = ProfileStore().get(args.name)
    except StudioError as error:
        return _complain(error)
    say(f"Testing {profile.name}: GET {profile.root_url}{MODELS_PATH}")
    check = asyncio.run(check_relay(profile))
    if not check.reachable:
        say(f"Reachable: no{_reason(check.problem)}")
        say("Key accepted: not checked")
    else:
        say("Reachable: yes")
        if not profile.api_key:
            say(f"Key accepted: no — there is no key for this profile; see `{PROG} add --help`")
        elif check.key_accepted is None:
            say(f"Key accepted: unknown{_reason(check.problem)}")
        else:
            accepted = "yes" if check.key_accepted else "no"
            say(f"Key accepted: {accepted}{_reason(check.problem)}")
    if check.model_ids is None:
        say("Models: unknown")
    else:
        count = len(check.model_ids)
        say(f"Models: {count} offered by the relay, {_catalog_count(check.model_ids)}")
    ok = check.reachable and bool(check.key_accepted) and bool(profile.api_key)
    if not ok:
        say(f"{PROG}: the profile {profile.name} is not ready to use.", error=True)
    return EXIT_OK if ok else EXIT_FAILED
