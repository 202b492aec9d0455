"""Calls RouteGuide in the order of the original tutorial's client: GetFeature
at a known place and at (0, 0), ListFeatures over 40°N-42°N, 75°W-73°W,
RecordRoute over 20 features, and RouteChat with its five notes. The original
picks the route at random; this one takes every fifth feature of the
workbook's features.json, so every run sends the same. Calls that return a
stream print their replies as a list. One JSON line per call.

    /usr/bin/python3 chapters/12-python-and-go-peers/python/route_guide_client.py --addr localhost:50051
"""
import json
from pathlib import Path

from common import DEADLINE_SECONDS, run_client

import route_guide_pb2
import route_guide_pb2_grpc

FEATURES = Path(__file__).resolve().parents[2] / "04-route-guide-streaming" / "features.json"
NOTES = [("msg 1", 0, 0), ("msg 2", 1, 0), ("msg 3", 0, 1), ("msg 4", 0, 0), ("msg 5", 1, 1)]


def point(latitude: int, longitude: int) -> route_guide_pb2.Point:
    return route_guide_pb2.Point(latitude=latitude, longitude=longitude)


def route():
    places = [item["location"] for item in json.loads(FEATURES.read_text(encoding="utf-8"))]
    for place in places[::5][:20]:
        yield point(place["latitude"], place["longitude"])


def notes():
    for message, latitude, longitude in NOTES:
        yield route_guide_pb2.RouteNote(message=message, location=point(latitude, longitude))


def make_calls(channel, log):
    guide = route_guide_pb2_grpc.RouteGuideStub(channel)
    for latitude, longitude in ((409146138, -746188906), (0, 0)):
        log.record("/routeguide.RouteGuide/GetFeature", lambda: guide.GetFeature(point(latitude, longitude), timeout=DEADLINE_SECONDS))
    area = route_guide_pb2.Rectangle(lo=point(400000000, -750000000), hi=point(420000000, -730000000))
    log.record_stream("/routeguide.RouteGuide/ListFeatures", lambda: guide.ListFeatures(area, timeout=DEADLINE_SECONDS))
    log.record("/routeguide.RouteGuide/RecordRoute", lambda: guide.RecordRoute(route(), timeout=DEADLINE_SECONDS))
    log.record_stream("/routeguide.RouteGuide/RouteChat", lambda: guide.RouteChat(notes(), timeout=DEADLINE_SECONDS))


if __name__ == "__main__":
    run_client("Calls RouteGuide's four methods, as the original tutorial's client does.", make_calls)
