#!/usr/bin/env python3
"""Writes data.csv: 500 motor insurance claims from the claims warehouse, gaps included (deterministic)."""
import csv
import random
from datetime import date, timedelta

rng = random.Random(4242)


def maybe(value, null_rate):
    return "" if rng.random() < null_rate else value


with open("data.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["claim_id", "policy_start", "incident_date", "claim_amount", "vehicle_age", "region",
                  "prior_claims", "police_report", "is_fraud"])
    for i in range(500):
        start = date(2019, 1, 1) + timedelta(days=rng.randrange(0, 4 * 365))
        incident = start + timedelta(days=rng.randrange(1, 900))
        amount = round(rng.lognormvariate(7.5, 0.9), 2)
        fraud = int(rng.random() < 0.06 + (0.1 if amount > 6000 else 0))
        out.writerow([
            f"CLM-{2023000 + i}",
            maybe(start.isoformat(), 0.03),
            incident.isoformat(),
            maybe(amount, 0.07),
            maybe(rng.randint(0, 19), 0.1),
            maybe(rng.choice(["north", "south", "east", "west"]), 0.05),
            maybe(rng.choice([0, 0, 0, 1, 1, 2, 3, 6]), 0.15),
            maybe(rng.choice(["true", "false"]), 0.2),
            fraud,
        ])
