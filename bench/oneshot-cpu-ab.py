#!/usr/bin/env python3
"""One-shot runs of two builds of freshjar side by side, by CPU time: on a shared machine the
CPU time (user + system of the whole process tree, from getrusage) of interleaved runs is steadier
than wall time. A is another checkout, built (e.g. main in a worktree of its own), B this one.
Scenarios: 'http' (top on the book, the module checked over http, answered 304), 'offline' (the
same with --offline), 'url' (top on the book's URL). Each side's own text-utils jar is served on
loopback by python3's http.server; both sides' outputs are compared before timing.

Usage: bench/oneshot-cpu-ab.py A_CHECKOUT    Environment: RUNS (15), PORT (18977), SCEN.
"""
import glob, os, resource, subprocess, sys, tempfile, time, statistics, shutil
runs=int(os.environ.get("RUNS","15")); port=int(os.environ.get("PORT","18977"))
A=os.path.abspath(sys.argv[1]); B=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
w=tempfile.mkdtemp(); os.makedirs(w+"/www")
for side in (A,B):
    jar=[j for j in glob.glob(side+"/text-utils-module/target/text-utils-module-*.jar") if j[-5].isdigit()][0]
    shutil.copy(jar, f"{w}/www/{'a' if side==A else 'b'}.jar")
shutil.copy(B+"/corpus/moby-dick.txt", w+"/www/")
srv=subprocess.Popen([sys.executable,"-m","http.server",str(port),"--bind","127.0.0.1","--directory",w+"/www"],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)
time.sleep(1)
py=sys.executable
def cmd(side,s):
    n="a" if side==A else "b"
    fj=[side+"/bin/freshjar","--cache-dir",f"{w}/cache-{n}","--module",f"text=http://127.0.0.1:{port}/{n}.jar"]
    return {"http":fj+["top",B+"/corpus/moby-dick.txt"],"offline":fj+["--offline","top",B+"/corpus/moby-dick.txt"],
            "url":fj+["top",f"http://127.0.0.1:{port}/moby-dick.txt"],
            "ref":[py,B+"/reference/text_utils.py","top",B+"/corpus/moby-dick.txt"]}[s]
scen=os.environ.get("SCEN","http offline url").split()
try:
    outs={}
    for side in (A,B):
        for s in scen:
            subprocess.run(cmd(side,s),stdout=subprocess.DEVNULL,check=True)
            outs[(side,s)]=subprocess.run(cmd(side,s),stdout=subprocess.PIPE,check=True).stdout
    assert len(set(outs.values()))==1, "outputs differ"
    res={}
    for i in range(runs):
        for s in scen:
            for side in ((A,B) if i%2==0 else (B,A)):
                r0=resource.getrusage(resource.RUSAGE_CHILDREN); t0=time.perf_counter()
                subprocess.run(cmd(side,s),stdout=subprocess.DEVNULL,check=True)
                t1=time.perf_counter(); r1=resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu=(r1.ru_utime-r0.ru_utime)+(r1.ru_stime-r0.ru_stime)
                res.setdefault((s,side),[]).append((cpu,t1-t0))
    print(f"load {os.getloadavg()[0]:.1f}  runs {runs}")
    print("| scenario | A CPU ms | B CPU ms | CPU B/A | A wall ms | B wall ms |")
    for s in scen:
        a=res[(s,A)]; b=res[(s,B)]
        ca=statistics.median(x[0] for x in a)*1000; cb=statistics.median(x[0] for x in b)*1000
        wa=statistics.median(x[1] for x in a)*1000; wb=statistics.median(x[1] for x in b)*1000
        print(f"| {s} | {ca:.0f} | {cb:.0f} | {cb/ca:.2f} | {wa:.0f} | {wb:.0f} |")
finally:
    srv.kill()
    shutil.rmtree(w, ignore_errors=True)
