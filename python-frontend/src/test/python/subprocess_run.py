import subprocess, sys
r = subprocess.run([sys.executable, "-c", "import sys; print('child', sys.argv[1:]); sys.exit(3)", "x", "y"],
                   capture_output=True, text=True)
print(r.returncode, r.stdout.strip(), repr(r.stderr))
out = subprocess.check_output(["sh", "-c", "echo from sh; echo $((6*7))"], text=True)
print(out.split())
p = subprocess.Popen([sys.executable, "-c", "import sys; print(sys.stdin.read().upper())"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
o, _ = p.communicate(b"piped text")
print(o, p.returncode)
try:
    subprocess.run([sys.executable, "-c", "raise SystemExit(9)"], check=True)
except subprocess.CalledProcessError as e:
    print("CalledProcessError", e.returncode)
