/* codesolve's warm start for compiled programs: a fork server loaded into the program.

   The box supervisor (_box.py, NativeZygote) starts a compiled program once with this
   library preloaded (LD_PRELOAD) and CODESOLVE_FORKSERVER=1 in its environment, every id 0
   and fd 3 a SOCK_SEQPACKET socket to the supervisor. The library is linked with
   -z initfirst, so its constructor runs before any other initialiser (the C and C++
   libraries', the program's); the host starts only programs with nothing of their own that
   runs earlier (no IFUNC resolver, no preinit array: sandbox/native.py checks the ELF file).
   The constructor takes an unprivileged effective uid (ZYGOTE_UID of the argument) and
   serves fork requests; each child sets up the run and returns from the constructor, so the
   program's initialisers and main() run in the child only, on a copy of a process that has
   been loaded and relocated once (no exec, no dynamic linking per run).

   Protocol, one datagram each (the Python zygote's, _zygote.py): the supervisor sends
   "L" + the zygote uid and the box uid as decimal text, space-separated; the server answers
   "R". Then "F" + the rlimits (resource:soft:hard, space-separated, -1 for unlimited; a hard
   limit of -1 keeps the current one) with three descriptors (stdin, stdout, stderr); the
   server forks, answers "P pid", reaps the child and answers "S wait-status" + the child's
   16 rusage fields. A child that cannot set itself up sends "X message" and exits 127.

   The child: its own session, the three descriptors on 0/1/2 and no other, oom_score_adj
   1000, its limits, every id the box uid (no capability), dumpable; then the program runs.

   No C library: the server runs before the C library is initialised, and nothing of the
   program (which could define a symbol of that name) may run in it. Only raw system calls,
   for x86-64 Linux; elsewhere the library does not build and programs start cold. */

#if !defined(__x86_64__) || !defined(__linux__)
#error "the fork server is written for x86-64 Linux"
#endif

typedef unsigned long u64;
typedef long i64;

#define NR_write 1
#define NR_close 3
#define NR_sendto 44
#define NR_recvmsg 47
#define NR_fork 57
#define NR_wait4 61
#define NR_setresuid 117
#define NR_setresgid 119
#define NR_setsid 112
#define NR_prctl 157
#define NR_exit_group 231
#define NR_openat 257
#define NR_dup3 292
#define NR_prlimit64 302
#define NR_close_range 436

static i64 sys6(i64 n, i64 a, i64 b, i64 c, i64 d, i64 e, i64 f) {
    i64 ret;
    register i64 r10 __asm__("r10") = d;
    register i64 r8 __asm__("r8") = e;
    register i64 r9 __asm__("r9") = f;
    __asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return ret;
}
#define SYS(n, a, b, c, d, e, f) sys6((n), (i64)(a), (i64)(b), (i64)(c), (i64)(d), (i64)(e), (i64)(f))

struct iov { void *base; u64 len; };
struct msghdr_ {
    void *name; int namelen; int pad0; struct iov *iov; u64 iovlen; void *control; u64 controllen; int flags; int pad1;
};
struct cmsghdr_ { u64 len; int level; int type; };
struct timeval_ { i64 sec; i64 usec; };
struct rusage_ { struct timeval_ utime, stime; i64 rest[14]; };
struct rlimit_ { u64 cur; u64 max; };

#define SOCK 3
#define SOL_SOCKET_ 1
#define SCM_RIGHTS_ 1
#define PR_SET_DUMPABLE_ 4
#define RLIM_INF (~0UL)

static void say(const char *msg, u64 len) { SYS(NR_sendto, SOCK, msg, len, 0x4000 /* MSG_NOSIGNAL */, 0, 0); }

static u64 put_num(char *out, i64 v) {
    char tmp[24];
    u64 n = 0, len = 0;
    int neg = v < 0;
    u64 u = neg ? (u64)(-(v + 1)) + 1 : (u64)v;
    do { tmp[n++] = (char)('0' + u % 10); u /= 10; } while (u);
    if (neg) out[len++] = '-';
    while (n) out[len++] = tmp[--n];
    return len;
}

static u64 put_time(char *out, struct timeval_ t) {
    u64 len = put_num(out, t.sec);
    out[len++] = '.';
    for (i64 d = 100000; d; d /= 10) out[len++] = (char)('0' + (t.usec / d) % 10);
    return len;
}

static const char *get_num(const char *p, const char *end, i64 *value) {
    int neg = 0;
    i64 v = 0;
    while (p < end && *p == ' ') p++;
    if (p < end && *p == '-') { neg = 1; p++; }
    while (p < end && *p >= '0' && *p <= '9') v = v * 10 + (*p++ - '0');
    *value = neg ? -v : v;
    return p;
}

static void fail(const char *what, u64 len) {
    char buf[96];
    u64 n = 0;
    buf[n++] = 'X';
    buf[n++] = ' ';
    for (u64 i = 0; i < len && n < sizeof buf; i++) buf[n++] = what[i];
    say(buf, n);
    SYS(NR_exit_group, 127, 0, 0, 0, 0, 0);
}
#define FAIL(s) fail(s, sizeof(s) - 1)

static void become_program(const char *req, u64 size, const int *fds, i64 uid) {
    SYS(NR_setresuid, -1, 0, -1, 0, 0, 0);  /* effective root again, for an instant */
    if (SYS(NR_setsid, 0, 0, 0, 0, 0, 0) < 0) FAIL("setsid");
    for (int i = 0; i < 3; i++)
        if (fds[i] != i && SYS(NR_dup3, fds[i], i, 0, 0, 0, 0) < 0) FAIL("dup3");
    for (int i = 0; i < 3; i++)
        if (fds[i] > 2) SYS(NR_close, fds[i], 0, 0, 0, 0, 0);
    i64 adj = SYS(NR_openat, -100, "/proc/self/oom_score_adj", 01 /* O_WRONLY */, 0, 0, 0);
    if (adj >= 0) { SYS(NR_write, adj, "1000", 4, 0, 0, 0); SYS(NR_close, adj, 0, 0, 0, 0, 0); }
    const char *p = req + 1, *end = req + size;
    while (p < end) {
        i64 res, soft, hard;
        while (p < end && *p == ' ') p++;
        if (p >= end) break;
        p = get_num(p, end, &res);
        if (p >= end || *p++ != ':') FAIL("bad limits");
        p = get_num(p, end, &soft);
        if (p >= end || *p++ != ':') FAIL("bad limits");
        p = get_num(p, end, &hard);
        struct rlimit_ cur, want;
        if (SYS(NR_prlimit64, 0, res, 0, &cur, 0, 0) < 0) FAIL("getrlimit");
        want.cur = soft < 0 ? RLIM_INF : (u64)soft;
        want.max = hard < 0 ? cur.max : (u64)hard;
        if (cur.max != RLIM_INF) {  /* a hard limit is never raised, as with a cold start */
            if (want.cur > cur.max) want.cur = cur.max;
            if (want.max > cur.max) want.max = cur.max;
        }
        if (SYS(NR_prlimit64, 0, res, &want, 0, 0, 0) < 0) FAIL("setrlimit");
    }
    if (SYS(NR_setresgid, uid, uid, uid, 0, 0, 0) < 0 || SYS(NR_setresuid, uid, uid, uid, 0, 0, 0) < 0)
        FAIL("setresuid");
    SYS(NR_prctl, PR_SET_DUMPABLE_, 1, 0, 0, 0, 0);
    SYS(NR_close_range, 3, ~0U, 0, 0, 0, 0);  /* the socket too: the supervisor hears of the child from us */
}

static int strip_env(char **envp) {
    static const char key[] = "CODESOLVE_FORKSERVER=";
    static const char preload[] = "LD_PRELOAD=";
    int found = 0;
    char **out = envp;
    for (char **e = envp; *e; e++) {
        int is_key = 1, is_preload = 1;
        for (u64 i = 0; i < sizeof key - 1; i++) if ((*e)[i] != key[i]) { is_key = 0; break; }
        for (u64 i = 0; i < sizeof preload - 1; i++) if ((*e)[i] != preload[i]) { is_preload = 0; break; }
        found |= is_key;
        if (!is_key && !is_preload) *out++ = *e;
    }
    *out = 0;
    return found;
}

/* The program's arguments, kept while the server's own are blanked (its command line, which
   any process may read, must not name the program's path); each child puts them back. */
static char args_saved[4096];
static char *args_start;
static u64 args_len;

static void restore_args(void) {
    for (u64 i = 0; i < args_len; i++) args_start[i] = args_saved[i];
}

__attribute__((constructor)) static void codesolve_forkserver(int argc, char **argv, char **envp) {
    if (!envp || !strip_env(envp)) return;  /* not started by a box: an ordinary run */
    if (argc < 1 || !argv || !argv[0]) SYS(NR_exit_group, 1, 0, 0, 0, 0, 0);
    args_start = argv[0];
    char *last = argv[argc - 1];
    while (*last) last++;
    args_len = (u64)(last + 1 - args_start);
    if (args_len > sizeof args_saved) SYS(NR_exit_group, 1, 0, 0, 0, 0, 0);
    for (u64 i = 0; i < args_len; i++) { args_saved[i] = args_start[i]; args_start[i] = 0; }
    static char req[4096];
    char ctl[64];
    struct iov v = {req, sizeof req};
    struct msghdr_ m = {0, 0, 0, &v, 1, 0, 0, 0, 0};
    i64 n = SYS(NR_recvmsg, SOCK, &m, 0, 0, 0, 0);
    if (n < 1 || req[0] != 'L') SYS(NR_exit_group, 1, 0, 0, 0, 0, 0);
    i64 zuid, uid;
    get_num(get_num(req + 1, req + n, &zuid), req + n, &uid);
    if (zuid <= 0 || uid <= 0) SYS(NR_exit_group, 1, 0, 0, 0, 0, 0);
    /* Real and saved uid 0, an unprivileged effective one: out of the programs' reach. */
    if (SYS(NR_setresgid, 0, zuid, 0, 0, 0, 0) < 0 || SYS(NR_setresuid, 0, zuid, 0, 0, 0, 0) < 0)
        SYS(NR_exit_group, 1, 0, 0, 0, 0, 0);
    SYS(NR_prctl, PR_SET_DUMPABLE_, 0, 0, 0, 0, 0);
    /* Signal dispositions and mask stay as the box started the server: as a cold start has them. */
    say("R", 1);
    for (;;) {
        v.base = req;
        v.len = sizeof req;
        m.control = ctl;
        m.controllen = sizeof ctl;
        n = SYS(NR_recvmsg, SOCK, &m, 0x40000000 /* MSG_CMSG_CLOEXEC */, 0, 0, 0);
        if (n <= 0) SYS(NR_exit_group, 0, 0, 0, 0, 0, 0);
        int fds[3] = {-1, -1, -1}, nfds = 0;
        struct cmsghdr_ *c = (struct cmsghdr_ *)ctl;
        if (m.controllen >= sizeof *c && c->level == SOL_SOCKET_ && c->type == SCM_RIGHTS_) {
            int *data = (int *)(c + 1);
            nfds = (int)((c->len - sizeof *c) / sizeof(int));
            for (int i = 0; i < nfds && i < 3; i++) fds[i] = data[i];
        }
        if (req[0] != 'F' || nfds != 3) SYS(NR_exit_group, 1, 0, 0, 0, 0, 0);
        i64 pid = SYS(NR_fork, 0, 0, 0, 0, 0, 0);
        if (pid == 0) {
            become_program(req, (u64)n, fds, uid);
            restore_args();
            return;  /* into the program's initialisers and main() */
        }
        for (int i = 0; i < 3; i++) SYS(NR_close, fds[i], 0, 0, 0, 0, 0);
        for (i64 i = 0; i < n; i++) req[i] = 0;  /* no later child inherits this request */
        char out[512];
        u64 len = 0;
        if (pid < 0) SYS(NR_exit_group, 1, 0, 0, 0, 0, 0);
        out[len++] = 'P';
        out[len++] = ' ';
        len += put_num(out + len, pid);
        say(out, len);
        int status = 0;
        struct rusage_ ru;
        i64 r;
        do r = SYS(NR_wait4, pid, &status, 0, &ru, 0, 0); while (r == -4 /* EINTR */);
        if (r != pid) SYS(NR_exit_group, 1, 0, 0, 0, 0, 0);
        len = 0;
        out[len++] = 'S';
        out[len++] = ' ';
        len += put_num(out + len, status);
        out[len++] = ' ';
        len += put_time(out + len, ru.utime);
        out[len++] = ' ';
        len += put_time(out + len, ru.stime);
        for (int i = 0; i < 14; i++) {
            out[len++] = ' ';
            len += put_num(out + len, ru.rest[i]);
        }
        say(out, len);
    }
}
