#!/usr/bin/env python3
"""Writes data.csv: 350 credit-card account snapshots (month-end, 2023-2024) for the churn model."""
import calendar
import csv
import random
from datetime import date, timedelta

rng = random.Random(555)

with open("data.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["account_id", "opened_on", "snapshot_date", "credit_limit", "balance", "n_cards", "autopay", "churned_90d"])
    for i in range(350):
        year, month = rng.choice([2023, 2024]), rng.randint(1, 12)
        snapshot = date(year, month, calendar.monthrange(year, month)[1])
        opened = snapshot - timedelta(days=rng.randint(20, 3650))
        limit = rng.choice([500, 1000, 2500, 5000, 7500, 10000, 15000])
        balance = round(rng.uniform(-0.05, 1.1) * limit, 2)
        autopay = rng.random() < 0.55
        churned = int(rng.random() < 0.04 + (0.12 if not autopay else 0) + (0.1 if balance < 0 else 0))
        out.writerow([f"ACC{880000 + i}", opened.isoformat(), snapshot.isoformat(), limit, balance,
                      rng.choice([1, 1, 1, 2, 2, 3, 4]), str(autopay).lower(), churned])
