#!/usr/bin/env python3
"""Account features for the card churn model, computed as of each row's snapshot_date."""
import json
import sys
import time
from datetime import date

time.sleep(0.3)  # the real job imports the feature registry and warms a Spark session here


def account_features(row):
    if not isinstance(row["credit_limit"], (int, float)) or row["credit_limit"] <= 0:
        raise ValueError(f"{row['account_id']}: credit_limit must be positive, got {row['credit_limit']!r}")
    as_of = date.fromisoformat(row["snapshot_date"])
    opened = date.fromisoformat(row["opened_on"])
    balance, limit = float(row["balance"]), row["credit_limit"]
    return {
        "account_age_days": (as_of - opened).days,
        "utilization": balance / limit,
        "is_overlimit": balance > limit,
        "in_credit": balance < 0,
        "n_cards": int(row["n_cards"]),
        "autopay": row["autopay"] is True,
    }


batch = [json.loads(line) for line in sys.stdin]
results = [account_features(row) for row in batch]
sys.stdout.write("".join(json.dumps(r) + "\n" for r in results))
