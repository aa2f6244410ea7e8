#!/usr/bin/env python3
"""Writes data.jsonl: 250 B2B trials from the product-analytics export, with the trial-to-paid label."""
import json
import random
from datetime import datetime, timedelta, timezone

INDUSTRIES = ["fintech", "retail", "healthcare", "education", "logistics", "media"]
INTEGRATIONS = ["slack", "github", "jira", "salesforce", "google-drive", "okta"]
rng = random.Random(1337)

with open("data.jsonl", "w") as f:
    for i in range(250):
        signup = datetime(2024, 3, 1, tzinfo=timezone.utc) + timedelta(seconds=rng.randrange(0, 180 * 86400))
        size = int(rng.lognormvariate(3.2, 1.3)) + 1
        seats = min(size, rng.choice([0, 1, 2, 3, 5, 8, 12, 20]))
        integrations = rng.sample(INTEGRATIONS, rng.choice([0, 0, 1, 1, 2, 3]))
        trial = {
            "trial_id": f"TR-{i + 1:04d}",
            "company_size": size,
            "signup_at": signup.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "trial_end": (signup + timedelta(days=rng.choice([14, 14, 14, 30]))).date().isoformat(),
            "seats_invited": seats,
            "integrations": integrations,
            "industry": rng.choice(INDUSTRIES),
            "mrr_estimate": round(size * rng.uniform(4, 12), 2),
            "converted": rng.random() < 0.1 + 0.05 * len(integrations) + 0.01 * min(seats, 10),
        }
        f.write(json.dumps(trial) + "\n")
