#!/usr/bin/env python3
"""Order features for the late-delivery model. One order per input line, answered immediately."""
import json
import sys

CUISINE_INDEX = {"pizza": 1, "sushi": 2, "burger": 3, "thai": 4, "indian": 5, "mexican": 6, "salad": 7}  # 0 = other
COURIER_INDEX = {"bike": 1, "scooter": 2, "car": 3}  # 0 = other


def order_features(order):
    raining = bool(order["raining"])
    return {
        "cuisine_idx": CUISINE_INDEX.get(order["cuisine"], 0),
        "courier_idx": COURIER_INDEX.get(order["courier_type"], 0),
        "hour_utc": int(order["placed_at"][11:13]),
        "basket_eur": order["basket_eur"],
        "eta_min": 12 + order["distance_km"] * 3.2 + (5 if raining else 0),
        "raining": raining,
    }


for line in sys.stdin:
    print(json.dumps(order_features(json.loads(line))), flush=True)
