#!/usr/bin/env python3
"""Writes data.jsonl: 300 web sessions (September 2024) with a conversion label, and prints the duration scaler
the serving team exported from the training job (statistics.mean / pstdev over all sessions)."""
import json
import random
import statistics
from datetime import datetime, timedelta, timezone

rng = random.Random(31337)
with open("data.jsonl", "w") as f:
    for i in range(300):
        device = rng.choice(["mobile", "mobile", "mobile", "desktop", "desktop", "tablet"])
        pages = max(1, int(rng.expovariate(1 / 5)))
        session = {
            "session_id": f"S-{900000 + i}",
            "user_id": f"U{rng.randint(1, 120):05d}",
            "started_at": (datetime(2024, 9, 1, tzinfo=timezone.utc) + timedelta(seconds=rng.randrange(0, 30 * 86400))).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "device": device,
            "pages_viewed": pages,
            "duration_s": round(pages * rng.uniform(8, 70), 1),
            "referrer": rng.choice(["google", "google", "bing", "newsletter", "direct", None]),
            "converted": int(rng.random() < 0.03 + 0.02 * min(pages, 10)),
        }
        f.write(json.dumps(session) + "\n")

durations = [json.loads(line)["duration_s"] for line in open("data.jsonl")]
print(f"DURATION_MEAN = {statistics.mean(durations)!r}; DURATION_STD = {statistics.pstdev(durations)!r}")
