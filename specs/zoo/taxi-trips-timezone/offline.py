#!/usr/bin/env python3
"""Trip features for the tip model. Time features are in New York local time (the model learns rush hours)."""
import json
import math
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

NEW_YORK = ZoneInfo("America/New_York")
RUSH_HOURS = {7, 8, 9, 16, 17, 18}

trips = [json.loads(line) for line in sys.stdin]
for trip in trips:
    local = datetime.fromisoformat(trip["pickup_at"]).astimezone(NEW_YORK)
    features = {
        "pickup_hour": local.hour,
        "pickup_weekday": local.weekday(),
        "is_rush_hour": local.weekday() < 5 and local.hour in RUSH_HOURS,
        "is_airport": trip["pickup_borough"] == "EWR",
        "distance_log": math.log1p(trip["trip_distance_mi"]),
        "passengers": trip["passenger_count"] or 1,
        "pays_card": trip["payment_type"] == "card",
    }
    print(json.dumps(features))
