#!/usr/bin/env python3
"""Writes data.csv: 600 card purchases (amounts in cents, purchases only: refunds live in another table)."""
import csv
import random
from datetime import datetime, timedelta, timezone

MCC = ["grocery", "grocery", "fuel", "travel", "dining", "dining", "online", "online", "utilities"]
rng = random.Random(4111)

with open("data.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["txn_id", "posted_at", "merchant_category", "amount_cents", "account_tenure_months", "is_international", "is_fraud"])
    for i in range(600):
        at = datetime(2024, 5, 1, tzinfo=timezone.utc) + timedelta(seconds=rng.randrange(0, 61 * 86400))
        category = rng.choice(MCC)
        amount = max(50, int(rng.lognormvariate(8.2 if category == "travel" else 7.3, 0.9)))
        international = rng.random() < 0.07
        tenure = rng.randint(0, 240)
        fraud = int(rng.random() < 0.01 + (0.08 if international else 0) + (0.05 if tenure < 3 else 0))
        out.writerow([f"TX{i + 1:07d}", at.strftime("%Y-%m-%dT%H:%M:%SZ"), category, amount, tenure, str(international).lower(), fraud])
