#!/usr/bin/env python3
"""Writes data.csv: 400 bike rentals from the city scheme's June-September export (deterministic)."""
import csv
import random
from datetime import datetime, timedelta, timezone

STATIONS = ["Central Park", "Harbor", "University", "Old Town", "Airport"]
rng = random.Random(20240601)
start = datetime(2024, 6, 1, tzinfo=timezone.utc)

with open("data.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["rental_id", "started_at", "station", "rider_type", "duration_min", "temp_c", "rain_mm", "returned_late"])
    for i in range(400):
        started = start + timedelta(minutes=rng.randrange(0, 120 * 24 * 60))
        rider = "member" if rng.random() < 0.62 else "casual"
        duration = max(1, int(rng.expovariate(1 / (14 if rider == "member" else 38))))
        temp = round(rng.gauss(21, 6), 1)
        rain = None if rng.random() < 0.08 else (0.0 if rng.random() < 0.75 else round(rng.expovariate(1 / 3), 1))
        late = int(duration > 60 or (rain or 0) > 4 and rng.random() < 0.5)
        out.writerow([f"R{i + 1:05d}", started.strftime("%Y-%m-%dT%H:%M:%SZ"), rng.choice(STATIONS), rider,
                      duration, temp, "" if rain is None else rain, late])
