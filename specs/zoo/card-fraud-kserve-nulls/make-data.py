#!/usr/bin/env python3
"""Writes data.csv: 600 card authorisations from the March-May fraud-review export (deterministic).

The acquirer gateway sends local time with an offset for terminals in CEST and UTC for everything else; the amount
is blank where the authorisation was a zero-auth card check whose amount the export drops.
"""
import csv
import math
import random
from datetime import datetime, timedelta, timezone

MCC = [5411, 5411, 5812, 5812, 5541, 5999, 4121, 5732, 7995]  # grocery, restaurants, fuel, misc retail, taxi, electronics, gambling
COUNTRIES = ["DE"] * 8 + ["AT", "NL", "FR", "PL", "ES", "GB", "US", "TR"]
CEST = timezone(timedelta(hours=2))

rng = random.Random(4111)
start = datetime(2024, 3, 1, tzinfo=timezone.utc)

with open("data.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["txn_id", "card_id", "event_time", "amount", "merchant_category", "country", "is_fraud"])
    for i in range(600):
        at = start + timedelta(seconds=rng.randrange(0, 92 * 86400))
        event_time = at.strftime("%Y-%m-%dT%H:%M:%SZ") if rng.random() < 0.55 else at.astimezone(CEST).isoformat()
        mcc = rng.choice(MCC)
        country = rng.choice(COUNTRIES)
        amount = round(math.exp(rng.gauss(3.4, 1.1)), 2)
        if rng.random() < 0.05:
            amount = None
        night = at.hour < 6 or at.hour >= 22
        risk = 0.01 + 0.06 * night + 0.05 * (country != "DE") + 0.08 * (mcc == 7995) + 0.05 * ((amount or 0) > 300)
        out.writerow([f"T{700000 + i}", f"C{rng.randrange(1000, 1240)}", event_time, "" if amount is None else amount, mcc, country,
                      int(rng.random() < risk)])
