#!/usr/bin/env python3
"""Authorisation features for the card-fraud model. Reads the whole batch (JSON Lines), validates it, writes features.

The same features are computed inside the model server (server.js) from the Open Inference Protocol request, so the
two must agree on every authorisation the gateway can send.
"""
import json
import math
import re
import sys
from datetime import datetime, timezone

MCC_CODES = [5411, 5812, 5541, 5999, 4121, 5732, 7995]  # order is the embedding index: do not reorder
HOME_COUNTRY = "DE"
AMOUNT_FILL = 32.06  # median of the non-null training amounts (zero-auth card checks carry no amount)
EVENT_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])")
COUNTRY = re.compile(r"[A-Z]{2}")


def number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check(txn):
    tid = txn.get("txn_id")
    for column in ("card_id", "event_time", "amount", "merchant_category", "country"):
        if column not in txn:
            raise ValueError(f"{tid}: missing column {column}")
    if not isinstance(txn["card_id"], str) or txn["card_id"] == "":
        raise ValueError(f"{tid}: card_id must be a non-empty string, got {txn['card_id']!r}")
    if not isinstance(txn["event_time"], str) or not EVENT_TIME.fullmatch(txn["event_time"]):
        raise ValueError(f"{tid}: event_time is not an ISO timestamp with an offset: {txn['event_time']!r}")
    at = datetime.fromisoformat(txn["event_time"])  # ValueError on a date off the calendar
    if not 2000 <= at.year <= 2099:
        raise ValueError(f"{tid}: event_time {txn['event_time']} is outside 2000-2099 (gateway clock not set)")
    amount = txn["amount"]
    if amount is not None and (not number(amount) or amount < 0):
        raise ValueError(f"{tid}: amount must be a non-negative number or null, got {amount!r}")
    mcc = txn["merchant_category"]
    if not number(mcc) or mcc not in MCC_CODES:
        raise ValueError(f"{tid}: unknown merchant_category {mcc!r}")
    if not isinstance(txn["country"], str) or not COUNTRY.fullmatch(txn["country"]):
        raise ValueError(f"{tid}: country must be an ISO 3166 alpha-2 code, got {txn['country']!r}")
    if txn.get("is_fraud") not in (0, 1):
        raise ValueError(f"{tid}: label is_fraud must be 0 or 1, got {txn.get('is_fraud')!r}")


def features(txn):
    hour = datetime.fromisoformat(txn["event_time"]).astimezone(timezone.utc).hour
    amount = txn["amount"] if txn["amount"] is not None else AMOUNT_FILL
    return {
        "hour_utc": hour,
        "is_night": hour < 6 or hour >= 22,
        "log_amount": math.log1p(amount),
        "mcc_idx": MCC_CODES.index(txn["merchant_category"]),
        "is_domestic": txn["country"] == HOME_COUNTRY,
    }


txns = [json.loads(line) for line in sys.stdin.read().splitlines() if line.strip()]
for txn in txns:
    check(txn)
print("\n".join(json.dumps(features(txn)) for txn in txns))
