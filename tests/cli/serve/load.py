#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# load.py URL BODY_FILE N PID: N POST /api/check at once (one thread and connection each, released
# together), every one must answer 200 with a verdict; prints p50/p99 latency and the server's
# peak resident memory (VmHWM of PID). Loopback only: it refuses any other host.
import http.client
import json
import sys
import threading
import time
import urllib.parse

url, body_file, n, pid = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
u = urllib.parse.urlsplit(url)
if u.hostname not in ("127.0.0.1", "localhost", "::1"):
    sys.exit(f"load.py: {u.hostname} is not loopback")
body = open(body_file, "rb").read()
start = threading.Barrier(n)
latencies, errors = [], []
lock = threading.Lock()


def one():
    try:
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
        start.wait()
        t0 = time.monotonic()
        conn.request("POST", "/api/check?file=site.geojson", body=body, headers={"Content-Type": "application/json"})
        r = conn.getresponse()
        data = r.read()
        dt = time.monotonic() - t0
        ok = r.status == 200 and json.loads(data).get("verdict") in ("pass", "needs_review", "conflict")
        with lock:
            (latencies if ok else errors).append(dt if ok else f"{r.status} {data[:200]!r}")
    except Exception as e:  # a refused or reset connection is an error of the run
        with lock:
            errors.append(repr(e))


threads = [threading.Thread(target=one) for _ in range(n)]
t0 = time.monotonic()
for t in threads:
    t.start()
for t in threads:
    t.join()
wall = time.monotonic() - t0
hwm = next((line.split()[1] for line in open(f"/proc/{pid}/status") if line.startswith("VmHWM:")), "?")
latencies.sort()
if errors:
    print(f"load: {len(errors)} of {n} failed, e.g. {errors[0]}")
    sys.exit(1)
p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000
print(f"load: {n} concurrent POST /api/check: all 200; p50 {p(0.5):.0f} ms, p99 {p(0.99):.0f} ms, wall {wall:.2f} s; server peak RSS {int(hwm) // 1024} MiB")
