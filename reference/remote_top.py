"""The original remote-program-logic script, ported: fetch the rules module over HTTP into a cache
(a conditional GET: 304 keeps the cached copy), import it, fetch the document, print the top ten.
Usage: remote_top.py MODULE_URL DOCUMENT_URL (cache: $REMOTE_TOP_CACHE or ~/.cache/remote_top)."""
import importlib.util, os, sys, urllib.error, urllib.request

module_url, document_url = sys.argv[1], sys.argv[2]
cache = os.environ.get("REMOTE_TOP_CACHE", os.path.expanduser("~/.cache/remote_top"))
os.makedirs(cache, exist_ok=True)
path, stamp = os.path.join(cache, "rules.py"), os.path.join(cache, "rules.last-modified")
request = urllib.request.Request(module_url)
if os.path.exists(path) and os.path.exists(stamp):
    request.add_header("If-Modified-Since", open(stamp).read())
try:
    with urllib.request.urlopen(request) as response:
        open(path, "wb").write(response.read())
        open(stamp, "w").write(response.headers.get("Last-Modified", ""))
except urllib.error.HTTPError as e:
    if e.code != 304:
        raise
spec = importlib.util.spec_from_file_location("rules", path)
rules = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rules)
text = urllib.request.urlopen(document_url).read().decode("utf-8", errors="replace")
print("word\tcount")
for word, count in rules.top(text):
    print(f"{word}\t{count}")
