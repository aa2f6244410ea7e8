#!/usr/bin/env python3
"""Transaction features for the fraud model (nightly batch)."""
import json
import sys
from datetime import datetime

MCC = ["grocery", "fuel", "travel", "dining", "online", "utilities"]
BUCKET_CENTS = 2500  # $25 amount buckets

txns = [json.loads(line) for line in sys.stdin]
out = []
for t in txns:
    posted = datetime.fromisoformat(t["posted_at"])
    out.append({
        "amount_usd": t["amount_cents"] / 100,
        "amount_bucket": t["amount_cents"] // BUCKET_CENTS,
        "tenure_years": t["account_tenure_months"] // 12,
        "mcc_idx": MCC.index(t["merchant_category"]) if t["merchant_category"] in MCC else -1,
        "hour_utc": posted.hour,
        "is_night": posted.hour < 6,
        "is_international": t["is_international"] is True,
    })
for o in out:
    print(json.dumps(o))
