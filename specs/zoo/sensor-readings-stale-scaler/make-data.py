#!/usr/bin/env python3
"""Writes data.jsonl: 400 pump telemetry readings (April-June 2024) with a 7-day failure label."""
import json
import random
from datetime import datetime, timedelta, timezone

rng = random.Random(77)
FIRMWARE = ["2.4.1", "2.4.1", "2.5.0", "3.0.2"]

with open("data.jsonl", "w") as f:
    for i in range(400):
        at = datetime(2024, 4, 1, tzinfo=timezone.utc) + timedelta(seconds=rng.randrange(0, 91 * 86400), milliseconds=rng.randrange(1000))
        failing = rng.random() < 0.1
        reading = {
            "reading_id": f"RD-{i + 1:06d}",
            "device_id": f"pump-{rng.randint(1, 24):02d}",
            "recorded_at": at.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "vibration_rms": round(rng.gauss(3.4 if failing else 2.2, 0.6), 3),
            "bearing_temp_c": round(rng.gauss(68 if failing else 61, 4.5), 1),
            "pressure_kpa": None if rng.random() < 0.06 else round(rng.gauss(300, 12), 1),
            "rpm": rng.choice([1450, 1480, 1500, 2900, 2950]),
            "firmware": rng.choice(FIRMWARE),
            "failed_within_7d": failing,
        }
        f.write(json.dumps(reading) + "\n")

# The scaler the offline pipeline uses is fitted on this data (population mean and std, 4 decimals):
rows = [json.loads(line) for line in open("data.jsonl")]
for col in ("vibration_rms", "bearing_temp_c"):
    values = [r[col] for r in rows]
    mean = sum(values) / len(values)
    std = (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5
    print(f"{col}: mean {mean:.4f} std {std:.4f}")
