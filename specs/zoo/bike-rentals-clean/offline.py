#!/usr/bin/env python3
"""Rental features for the late-return model. Reads the whole batch (JSON Lines), validates it, writes features."""
import json
import math
import sys
from datetime import datetime, timezone

STATIONS = ["Central Park", "Harbor", "University", "Old Town", "Airport"]
REQUIRED = {"started_at": str, "station": str, "rider_type": str, "duration_min": (int, float)}
NULLABLE = {"temp_c": (int, float), "rain_mm": (int, float)}


class SchemaError(Exception):
    pass


def validate(row):
    for name, kind in {**REQUIRED, **NULLABLE}.items():
        if name not in row:
            raise SchemaError(f"{row.get('rental_id')}: missing column {name}")
        value = row[name]
        if value is None and name in NULLABLE:
            continue
        if value is None or isinstance(value, bool) or not isinstance(value, kind):
            raise SchemaError(f"{row.get('rental_id')}: {name} has wrong type: {value!r}")
    if row["duration_min"] < 0:
        raise SchemaError(f"{row['rental_id']}: negative duration {row['duration_min']}")
    if row["returned_late"] not in (0, 1):
        raise SchemaError(f"{row['rental_id']}: label returned_late must be 0 or 1")


def features(row):
    started = datetime.fromisoformat(row["started_at"]).astimezone(timezone.utc)
    rain = row["rain_mm"]
    return {
        "start_hour": started.hour,
        "is_weekend": started.weekday() >= 5,
        "station_idx": STATIONS.index(row["station"]) if row["station"] in STATIONS else -1,
        "is_member": row["rider_type"] == "member",
        "duration_log": math.log1p(row["duration_min"]),
        "temp_c": row["temp_c"],
        "is_raining": rain is not None and rain > 0,
    }


rows = [json.loads(line) for line in sys.stdin]
for row in rows:
    validate(row)
for row in rows:
    print(json.dumps(features(row)))
