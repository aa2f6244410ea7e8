#!/usr/bin/env python3
"""Order features for the return-risk model (batch job over the order export, JSON Lines in and out)."""
import json
import math
import sys
from datetime import datetime


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def is_line_item(item):
    if not isinstance(item, dict):
        return False
    price, qty = item.get("unit_price"), item.get("qty")
    return is_number(price) and price >= 0 and is_number(qty) and qty >= 1 and qty == int(qty)


def check(order):
    items = order["items"]
    if not isinstance(items, list) or not items:
        raise ValueError(f"order {order['order_id']}: items must be a non-empty list")
    if not all(is_line_item(item) for item in items):
        raise ValueError(f"order {order['order_id']}: every item needs unit_price >= 0 and a whole qty >= 1")
    if not isinstance(order["channel"], str):
        raise ValueError(f"order {order['order_id']}: channel must be a string")
    discount = order["discount"]
    if discount is not None and not (is_number(discount) and 0 <= discount < 1):
        raise ValueError(f"order {order['order_id']}: discount {discount!r} out of range")
    if not (is_number(order["shipping_fee"]) and order["shipping_fee"] >= 0):
        raise ValueError(f"order {order['order_id']}: bad shipping_fee {order['shipping_fee']!r}")


def features(order):
    basket = sum(item["unit_price"] * item["qty"] for item in order["items"])
    units = sum(item["qty"] for item in order["items"])
    discounted = basket * (1 - (order["discount"] or 0))
    ordered = datetime.fromisoformat(order["ordered_at"])
    return {
        "basket_value": basket,
        "basket_log": math.log1p(basket),
        "n_units": units,
        "avg_unit_price": basket / units,
        "discounted_value": discounted,
        "shipping_share": order["shipping_fee"] / (discounted + order["shipping_fee"]),
        "order_hour": ordered.hour,
        "is_weekend": ordered.weekday() >= 5,
        "is_app": order["channel"] == "app",
        "is_store": order["channel"] == "store",
    }


orders = [json.loads(line) for line in sys.stdin.read().splitlines()]
for order in orders:
    check(order)
print("\n".join(json.dumps(features(order)) for order in orders))
