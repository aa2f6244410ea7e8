#!/usr/bin/env python3
"""Writes data.csv: 400 trial signups from the web form (deterministic). The country field is typed by hand in
older form versions, so some values are lower-case or carry stray spaces."""
import csv
import random
from datetime import datetime, timedelta, timezone

COUNTRIES = ["US", "US", "US", "DE", "FR", "GB", "GB", "NL", "ES"]
rng = random.Random(2718)


def messy(code):
    roll = rng.random()
    if roll < 0.04:
        return " " + code
    if roll < 0.07:
        return code + " "
    if roll < 0.15:
        return code.lower()
    return code


with open("data.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["signup_id", "signed_up_at", "country", "plan", "referral_code", "age", "converted_to_paid"])
    for i in range(400):
        plan = rng.choice(["free", "free", "free", "pro", "team", "Pro"])
        referral = "" if rng.random() < 0.7 else f"FRIEND-{rng.randrange(36 ** 3):03X}"
        at = datetime(2024, 2, 1, tzinfo=timezone.utc) + timedelta(seconds=rng.randrange(0, 120 * 86400))
        out.writerow([f"SU{i + 1:05d}", at.strftime("%Y-%m-%dT%H:%M:%SZ"), messy(rng.choice(COUNTRIES)), plan, referral,
                      "" if rng.random() < 0.25 else rng.randint(18, 70),
                      int(rng.random() < (0.25 if plan.lower() != "free" else 0.06) + (0.05 if referral else 0))])
