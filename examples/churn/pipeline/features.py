#!/usr/bin/env python3
"""Offline feature pipeline of the churn example (Python 3, standard library only).

Protocol (the harness's "command" offline adapter): JSON Lines in, JSON Lines out. Each input line is one row
as a JSON object of typed values (the key and the label included); for each input line exactly one JSON object
is written, in order: the row's features, or ``{"$error": "message"}`` when the row cannot be computed.

Input is read in chunks and answered chunk by chunk: output is buffered, but flushed before the script blocks
for more input, so a caller that waits for answers before sending more rows never deadlocks.

``features.ts`` is the same pipeline in TypeScript; both read ``artifacts.json`` and agree on every row.
``EXAMPLE_OFFLINE_BUGS`` (comma list; empty or ``none`` for none) switches in leakage bugs:

* ``batch``: ``sessions_z`` is scaled with running statistics of the rows seen so far in this stream, not the
  training statistics. (A streaming process cannot see the end of "its batch" without waiting for EOF, so it
  leaks the rows before it; the TypeScript module, which gets whole batches, leaks the whole batch.)
* ``label``: ``avg_session_minutes`` reads the ``churned`` label.

Usage::

    python3 examples/churn/pipeline/features.py < rows.jsonl > features.jsonl
"""

import json
import math
import os
import re
import sys
from datetime import date

ARTIFACTS_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "artifacts.json")
KNOWN_BUGS = ("batch", "label")
SPEND_BUCKET_WIDTH = 25
SUPPORT_TICKETS_CAP = 10.0
DAY_MS = 86_400_000
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()

# ASCII only, and matched in full: Python's \d and str.strip() accept more than JavaScript's, and "$" would
# also match before a trailing newline. The TypeScript pipeline uses the same sets.
ASCII_WHITESPACE = " \t\n\r\f\v"
NUMERIC = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", re.ASCII)
# ISO 8601 as the harness reads dates: a date, or a date-time with T, t or a space, optional seconds and
# fraction, and an optional zone (Z, +hh, +hhmm, +hh:mm). No zone means UTC, as pandas' utc=True does.
INSTANT = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?",
    re.ASCII,
)


class RowError(ValueError):
    """A value of one row the pipeline cannot use; reported as that row's ``$error``."""


def read_text(row, column):
    """Return a string column, or None when absent or null."""
    value = row.get(column)
    if value is None:
        return None
    if not isinstance(value, str):
        raise RowError(f"{column}: expected a string, got {describe(value)}")
    return value


def read_number(row, column):
    """Return a numeric column as a float (None for null or a blank string); plain decimal strings are parsed."""
    value = row.get(column)
    if value is None:
        return None
    # bool is a subclass of int in Python; JavaScript would never treat true as a number, so neither do we.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip(ASCII_WHITESPACE)
        if text == "":
            return None
        if not NUMERIC.fullmatch(text):
            raise RowError(f"{column}: expected a number, got {json.dumps(value)}")
        number = float(text)
    else:
        raise RowError(f"{column}: expected a number, got {describe(value)}")
    if not math.isfinite(number):
        raise RowError(f"{column}: expected a finite number, got {value}")
    return number


def read_day(row, column):
    """Return a required date column as days since 1970-01-01; a date-time counts as its UTC calendar day."""
    return parse_instant(column, date_text(row.get(column), column)) // DAY_MS


def read_instant_ms(row, column):
    """Return an optional date or date-time column as epoch milliseconds, or None."""
    value = row.get(column)
    if value is None:
        return None
    return parse_instant(column, date_text(value, column))


def read_label(row, column):
    """Return the label as 0/1: 1, true, "1" and "true" are 1; anything else (absent included) is 0."""
    value = row.get(column)
    if value is True or (type(value) in (int, float) and value == 1):
        return 1
    if isinstance(value, str) and value.strip(ASCII_WHITESPACE).lower() in ("1", "true"):
        return 1
    return 0


def date_text(value, column):
    """Check that a date or timestamp value is a string."""
    if not isinstance(value, str):
        raise RowError(f"{column}: expected a date string, got {describe(value)}")
    return value


def parse_instant(column, text):
    """Parse an ISO date or date-time into epoch milliseconds (sub-milliseconds truncated, no zone = UTC)."""
    match = INSTANT.fullmatch(text)
    if not match:
        raise RowError(f"{column}: expected an ISO date or date-time, got {json.dumps(text)}")
    year, month, day, hour, minute, second, fraction, _utc, sign, zone_hour, zone_minute = match.groups()
    days = checked_days(column, text, year, month, day)
    hour, minute, second = int(hour or 0), int(minute or 0), int(second or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise RowError(f"{column}: invalid time in {json.dumps(text)}")
    millis = int((fraction or "")[:3].ljust(3, "0"))
    offset_minutes = 0
    if sign is not None:
        zone_hour, zone_minute = int(zone_hour), int(zone_minute or 0)
        if zone_hour > 23 or zone_minute > 59:
            raise RowError(f"{column}: invalid zone in {json.dumps(text)}")
        offset_minutes = (-1 if sign == "-" else 1) * (zone_hour * 60 + zone_minute)
    return days * DAY_MS + ((hour * 60 + minute - offset_minutes) * 60 + second) * 1000 + millis


def checked_days(column, text, year, month, day):
    """Days since 1970-01-01 of a real calendar date (years 1-9999)."""
    try:
        return date(int(year), int(month), int(day)).toordinal() - EPOCH_ORDINAL
    except ValueError:
        raise RowError(f"{column}: invalid date {json.dumps(text)}") from None


def describe(value):
    """Name a JSON value's type for an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, (dict, list)):
        return "an array" if isinstance(value, list) else "an object"
    return f"{type(value).__name__} {value}"


def read_inputs(row):
    """Read and validate the input values of one row; raise RowError for the first unusable value."""
    if not isinstance(row, dict):
        raise RowError(f"expected a JSON object per line, got {describe(row)}")
    return {
        "signup_day": read_day(row, "signup_date"),
        "reference_day": read_day(row, "reference_date"),
        "last_login_ms": read_instant_ms(row, "last_login_at"),
        "plan": read_text(row, "plan"),
        "country": read_text(row, "country"),
        "monthly_spend": read_number(row, "monthly_spend"),
        "sessions": read_number(row, "sessions_last_30d"),
        "support_tickets": read_number(row, "support_tickets"),
        "avg_session_minutes": read_number(row, "avg_session_minutes"),
        "churned": read_label(row, "churned"),
    }


def derive_features(inputs, artifacts, scaler, bugs):
    """Compute the features of one row from its validated inputs (key order is the published feature order)."""
    plan = (inputs["plan"] or "").strip(ASCII_WHITESPACE).lower()
    country = (inputs["country"] or "").strip(ASCII_WHITESPACE).upper()
    spend = inputs["monthly_spend"]
    imputed_spend = artifacts["monthly_spend"]["median"] if spend is None else spend
    sessions = inputs["sessions"]
    if sessions is None:
        sessions = float(artifacts["sessions_last_30d"]["median"])
    tickets = inputs["support_tickets"] or 0.0
    avg_minutes = inputs["avg_session_minutes"]
    if "label" in bugs and avg_minutes is not None:
        # Bug "label": the session table was joined after the fact, so churned customers' averages already
        # include their long cancellation-flow session.
        avg_minutes += 1.5 * inputs["churned"]
    vocabulary = artifacts["plan_vocabulary"]
    reference_ms = inputs["reference_day"] * DAY_MS
    last_login_ms = inputs["last_login_ms"]
    return {
        "tenure_days": inputs["reference_day"] - inputs["signup_day"],
        "days_since_last_login": None if last_login_ms is None else (reference_ms - last_login_ms) // DAY_MS,
        "plan_code": vocabulary.index(plan) if plan in vocabulary else -1,
        "country": country or "UNKNOWN",
        # Refunds can make spend negative; they count as no spend, and log1p must never see less than -1.
        "spend_log": plain(math.log1p(max(imputed_spend, 0.0))),
        # math.floor of a true division, not //: Python's float // can differ from floor(a / b) in the last
        # place, and the TypeScript pipeline can only do the latter.
        "spend_bucket": -1 if spend is None else math.floor(spend / SPEND_BUCKET_WIDTH),
        "sessions_z": plain((sessions - scaler["mean"]) / scaler["std"]),
        "avg_session_minutes": None if avg_minutes is None else plain(avg_minutes),
        "support_tickets_capped": plain(min(max(tickets, 0.0), SUPPORT_TICKETS_CAP)),
        "is_weekend_signup": date.fromordinal(inputs["signup_day"] + EPOCH_ORDINAL).weekday() >= 5,
    }


def plain(value):
    """Drop the sign of -0.0 and print integral floats as integers, as JavaScript's JSON does."""
    value += 0.0
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


class RunningScaler:
    """Bug "batch": mean and population std of the sessions seen so far in the stream (Welford's algorithm)."""

    def __init__(self):
        self.count = 0
        self.mean = 0.0
        self.m2 = 0.0

    def update(self, value):
        """Add one imputed sessions value and return the statistics including it."""
        self.count += 1
        delta = value - self.mean
        self.mean += delta / self.count
        self.m2 += delta * (value - self.mean)
        std = math.sqrt(self.m2 / self.count)
        # A constant column (one row) has no spread: scale by 1, like scikit-learn's StandardScaler.
        return {"mean": self.mean, "std": std if std > 0 else 1.0}


def parse_bugs(value):
    """Parse EXAMPLE_OFFLINE_BUGS; unknown names are a usage error, not a silently clean run."""
    names = [name.strip() for name in (value or "").split(",")]
    names = [name for name in names if name not in ("", "none")]
    unknown = [name for name in names if name not in KNOWN_BUGS]
    if unknown:
        raise SystemExit(f'EXAMPLE_OFFLINE_BUGS: unknown bug "{unknown[0]}" (known: {", ".join(KNOWN_BUGS)})')
    return frozenset(names)


class Pipeline:
    """Turns input lines into output lines, keeping the state the "batch" bug needs."""

    def __init__(self, artifacts, bugs):
        self.artifacts = artifacts
        self.bugs = bugs
        self.running = RunningScaler() if "batch" in bugs else None

    def answer(self, line):
        """Return the output line (JSON text) for one input line (bytes, without its newline)."""
        try:
            inputs = read_inputs(json.loads(line.decode("utf-8")))
            if self.running is None:
                scaler = self.artifacts["sessions_last_30d"]
            else:
                sessions = inputs["sessions"]
                median = float(self.artifacts["sessions_last_30d"]["median"])
                scaler = self.running.update(median if sessions is None else sessions)
            features = derive_features(inputs, self.artifacts, scaler, self.bugs)
            return json.dumps(features, allow_nan=False, separators=(",", ":"))
        except RowError as error:
            message = str(error)
        except Exception as error:  # invalid JSON or UTF-8, a non-finite result: still only this row's failure
            message = f"{type(error).__name__}: {error}"
        return json.dumps({"$error": message})


def main():
    """Stream stdin to stdout, one answer per line, flushing whenever input runs dry."""
    bugs = parse_bugs(os.environ.get("EXAMPLE_OFFLINE_BUGS"))
    with open(ARTIFACTS_PATH, encoding="utf-8") as handle:
        pipeline = Pipeline(json.load(handle), bugs)
    stdin, stdout = sys.stdin.fileno(), sys.stdout.buffer
    pending = bytearray()  # grows in place: a long line arriving in many chunks stays linear
    try:
        while True:
            chunk = os.read(stdin, 1 << 16)
            if not chunk:
                break
            pending += chunk
            end = pending.rfind(b"\n")
            if end < 0:
                continue
            lines = bytes(pending[:end]).split(b"\n")
            del pending[: end + 1]
            answers = (pipeline.answer(line.rstrip(b"\r")) for line in lines)
            stdout.write("".join(f"{answer}\n" for answer in answers).encode("utf-8"))
            stdout.flush()
        if pending:  # a last line without a newline still gets its answer
            stdout.write((pipeline.answer(bytes(pending).rstrip(b"\r")) + "\n").encode("utf-8"))
        stdout.flush()
    except BrokenPipeError:
        # The reader went away (the harness stopped early): not our failure. Point stdout at /dev/null so the
        # interpreter's own flush at exit does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
