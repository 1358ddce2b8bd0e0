#!/usr/bin/env python3
"""Serves one jar on COUNT loopback ports, one per pretend author, for bench/startup-modules.sh.

Each port serves other bytes (the jar with a zip comment naming its port's number), as ten
authors' jars would differ: ten copies of one jar would share one cached file, one hash and one
check, which is not what ten authors cost.

Each server answers GET /module.jar with the jar, an ETag and a Last-Modified, and a conditional
GET that matches either with 304 Not Modified, as any static web server does. Writes the ports,
one a line, to PORT_FILE once all listen, then serves until killed. Counts the answers by status in
COUNT_FILE (rewritten after each request).
"""
import argparse
import email.utils
import hashlib
import http.server
import io
import os
import threading
import zipfile

parser = argparse.ArgumentParser()
parser.add_argument("--jar", required=True)
parser.add_argument("--count", type=int, required=True)
parser.add_argument("--port-file", required=True)
parser.add_argument("--count-file", required=True)
args = parser.parse_args()

with open(args.jar, "rb") as f:
    original = f.read()
last_modified = email.utils.formatdate(os.path.getmtime(args.jar), usegmt=True)
answers = {}
lock = threading.Lock()


def variant(number):
    """The jar with a zip comment of its own: same entries, other bytes, another SHA-256."""
    buffer = io.BytesIO(original)
    with zipfile.ZipFile(buffer, "a") as jar:
        jar.comment = f"freshjar bench module {number}".encode()
    return buffer.getvalue()


def handler(body):
    """A request handler serving body, with its own ETag."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            if self.path != "/module.jar":
                self.send_error(404)
                return
            unchanged = (self.headers.get("If-None-Match") == etag
                         or self.headers.get("If-Modified-Since") == last_modified)
            status = 304 if unchanged else 200
            self.send_response(status)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", last_modified)
            self.send_header("Content-Type", "application/java-archive")
            self.send_header("Content-Length", "0" if unchanged else str(len(body)))
            self.end_headers()
            if not unchanged:
                self.wfile.write(body)
            with lock:
                answers[status] = answers.get(status, 0) + 1
                with open(args.count_file, "w") as out:
                    out.write(" ".join(f"{s}:{n}" for s, n in sorted(answers.items())) + "\n")

        def log_message(self, *_):
            pass

    return Handler


servers = [http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler(variant(i + 1)))
           for i in range(args.count)]
for server in servers:
    threading.Thread(target=server.serve_forever, daemon=True).start()
with open(args.port_file + ".part", "w") as out:
    out.write("".join(f"{s.server_address[1]}\n" for s in servers))
os.rename(args.port_file + ".part", args.port_file)
threading.Event().wait()
