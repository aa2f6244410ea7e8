#!/usr/bin/env python3
"""Session features for the conversion model (notebook export): standardises durations, counts pace."""
import json
import statistics
import sys
from datetime import datetime

sessions = [json.loads(line) for line in sys.stdin]

durations = [s["duration_s"] for s in sessions]
mean, std = statistics.mean(durations), statistics.pstdev(durations)
std = std or 1.0  # like StandardScaler: a constant column is left unscaled

for s in sessions:
    print(json.dumps({
        "duration_z": (s["duration_s"] - mean) / std,
        "pages_per_min": s["pages_viewed"] / max(s["duration_s"], 1) * 60,
        "is_mobile": s["device"] == "mobile",
        "from_search": s["referrer"] in ("google", "bing"),
        "start_hour": datetime.fromisoformat(s["started_at"]).hour,
    }))
