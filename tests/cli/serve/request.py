#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# request.py METHOD URL BODY_FILE|"" OUT_FILE HEADERS_FILE: one request to zoning serve, sent as given
# (http.client does not tidy the path, so ../ reaches the server as typed); prints the status.
import http.client
import sys
import urllib.parse

method, url, body_file, out_file, headers_file = sys.argv[1:6]
u = urllib.parse.urlsplit(url)
body = open(body_file, "rb").read() if body_file else None
conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
path = u.path + ("?" + u.query if u.query else "")
conn.request(method, path, body=body, headers={"Content-Type": "application/json"} if body is not None else {})
r = conn.getresponse()
open(out_file, "wb").write(r.read())
with open(headers_file, "w") as h:
    for k, v in r.getheaders():
        h.write(f"{k.lower()}: {v}\n")
print(r.status)
