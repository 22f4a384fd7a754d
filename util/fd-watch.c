/*
 * File descriptor watches multiplexed on one epoll descriptor, which is a
 * single source of the default GLib main context (include/qemu/fd-watch.h).
 *
 * Each watched descriptor has one FdWatchEntry registered with epoll,
 * holding the list of its watches; epoll listens for the union of what
 * they ask.  The epoll data is the entry's key, never a pointer: an event
 * is delivered only if the key still names a live entry, so an event
 * fetched for a descriptor removed meanwhile (or registered again under
 * the same number) is dropped.  Ids map to watches the same way, so a
 * stale id is harmless.
 *
 * Removal never frees during a dispatch: the watch (and its entry when it
 * was the last) is marked dead and queued, the dispatch skips dead ones,
 * and the queue is freed once no dispatch is running.
 */
#include "qemu/osdep.h"
#include "qemu/fd-watch.h"

#include <sys/epoll.h>

/* Events fetched from epoll per dispatch; the rest wait for the next. */
#define FD_WATCH_BATCH 128

typedef struct FdWatchEntry FdWatchEntry;

typedef struct FdWatchRec {
    guint id;
    GIOCondition cond;
    FdWatchFunc *fn;
    gpointer opaque;
    bool dead;
    FdWatchEntry *entry;
    struct FdWatchRec *next;
    struct FdWatchRec **pprev;
} FdWatchRec;

struct FdWatchEntry {
    guint key; /* epoll data */
    int fd;
    uint32_t events; /* what epoll listens for */
    unsigned nlive;  /* watches not dead */
    bool dead;
    bool stale; /* its descriptor was closed under it; no longer in by_fd */
    FdWatchRec *watches;
};

typedef struct FdWatchState {
    GSource *source;
    int epfd;
    GHashTable *by_id;  /* id -> FdWatchRec, live only */
    GHashTable *by_fd;  /* fd -> FdWatchEntry, live only */
    GHashTable *by_key; /* key -> FdWatchEntry, live only */
    guint last_id;
    guint last_key;
    unsigned depth; /* dispatches running */
    GPtrArray *dead_watches;
    GPtrArray *dead_entries;
} FdWatchState;

static FdWatchState fdw = { .epfd = -1 };

static uint32_t cond_to_epoll(GIOCondition cond)
{
    return (cond & G_IO_IN ? EPOLLIN : 0) | (cond & G_IO_OUT ? EPOLLOUT : 0) |
           (cond & G_IO_PRI ? EPOLLPRI : 0);
}

static GIOCondition epoll_to_cond(uint32_t ev)
{
    return (ev & EPOLLIN ? G_IO_IN : 0) | (ev & EPOLLOUT ? G_IO_OUT : 0) |
           (ev & EPOLLPRI ? G_IO_PRI : 0) | (ev & EPOLLHUP ? G_IO_HUP : 0) |
           (ev & EPOLLERR ? G_IO_ERR : 0);
}

/* Free what was removed; only when no dispatch can still see it. */
static void fd_watch_reap(void)
{
    g_assert(fdw.depth == 0);
    for (guint i = 0; i < fdw.dead_watches->len; i++) {
        FdWatchRec *w = g_ptr_array_index(fdw.dead_watches, i);

        *w->pprev = w->next;
        if (w->next) {
            w->next->pprev = w->pprev;
        }
        g_free(w);
    }
    g_ptr_array_set_size(fdw.dead_watches, 0);
    for (guint i = 0; i < fdw.dead_entries->len; i++) {
        FdWatchEntry *e = g_ptr_array_index(fdw.dead_entries, i);

        g_assert(!e->watches);
        g_free(e);
    }
    g_ptr_array_set_size(fdw.dead_entries, 0);
}

static void fd_watch_run_entry(FdWatchEntry *e, GIOCondition ready)
{
    /* watches added meanwhile go to the head: not visited this time */
    for (FdWatchRec *w = e->watches; w; w = w->next) {
        GIOCondition c;

        if (w->dead) {
            continue;
        }
        c = ready & (w->cond | G_IO_HUP | G_IO_ERR);
        if (c && !w->fn(e->fd, c, w->opaque) && !w->dead) {
            fd_watch_remove(w->id);
        }
    }
}

static gboolean fd_watch_dispatch(GSource *source, GSourceFunc cb,
                                  gpointer data)
{
    struct epoll_event ev[FD_WATCH_BATCH];
    int n = epoll_wait(fdw.epfd, ev, FD_WATCH_BATCH, 0);

    fdw.depth++;
    for (int i = 0; i < n; i++) {
        FdWatchEntry *e = g_hash_table_lookup(fdw.by_key,
                                              GUINT_TO_POINTER(
                                                  (guint)ev[i].data.u64));

        if (e && !e->dead) {
            fd_watch_run_entry(e, epoll_to_cond(ev[i].events));
        }
    }
    if (--fdw.depth == 0) {
        fd_watch_reap();
    }
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs fd_watch_funcs = {
    .dispatch = fd_watch_dispatch,
};

static bool fd_watch_init(void)
{
    if (fdw.source) {
        return true;
    }
    fdw.epfd = epoll_create1(EPOLL_CLOEXEC);
    if (fdw.epfd < 0) {
        return false;
    }
    fdw.by_id = g_hash_table_new(g_direct_hash, g_direct_equal);
    fdw.by_fd = g_hash_table_new(g_direct_hash, g_direct_equal);
    fdw.by_key = g_hash_table_new(g_direct_hash, g_direct_equal);
    fdw.dead_watches = g_ptr_array_new();
    fdw.dead_entries = g_ptr_array_new();
    fdw.source = g_source_new(&fd_watch_funcs, sizeof(GSource));
    g_source_set_name(fdw.source, "fd-watch");
    g_source_set_priority(fdw.source, G_PRIORITY_DEFAULT);
    g_source_add_unix_fd(fdw.source, fdw.epfd, G_IO_IN);
    g_source_attach(fdw.source, NULL);
    return true;
}

/* Make epoll listen for what @e's live watches ask */
static int fd_watch_update(FdWatchEntry *e, int op)
{
    struct epoll_event ev = { .data.u64 = e->key };
    uint32_t want = 0;

    for (FdWatchRec *w = e->watches; w; w = w->next) {
        if (!w->dead) {
            want |= cond_to_epoll(w->cond);
        }
    }
    if (op == EPOLL_CTL_MOD && want == e->events) {
        return 0;
    }
    ev.events = want;
    if (epoll_ctl(fdw.epfd, op, e->fd, &ev) < 0) {
        return -1;
    }
    e->events = want;
    return 0;
}

/* The next non-zero value after *@last that @used does not hold */
static guint fd_watch_new_id(GHashTable *used, guint *last)
{
    do {
        (*last)++;
    } while (*last == 0 ||
             g_hash_table_contains(used, GUINT_TO_POINTER(*last)));
    return *last;
}

/*
 * Whether @e's descriptor number was closed (with watches left on it) and
 * is now another file that epoll does not know: epoll forgot the old one
 * when it was closed.  Its watches stay until removed, and get no events.
 */
static bool fd_watch_is_stale(FdWatchEntry *e)
{
    struct epoll_event ev = { .events = e->events, .data.u64 = e->key };

    return epoll_ctl(fdw.epfd, EPOLL_CTL_MOD, e->fd, &ev) < 0 &&
           errno == ENOENT;
}

guint fd_watch_add(int fd, GIOCondition cond, FdWatchFunc *fn, gpointer opaque)
{
    FdWatchEntry *e;
    FdWatchRec *w;
    bool fresh = false;

    g_assert(fn);
    if (fd < 0) {
        errno = EBADF;
        return 0;
    }
    if (!fd_watch_init()) {
        return 0;
    }
    e = g_hash_table_lookup(fdw.by_fd, GINT_TO_POINTER(fd));
    if (e && fd_watch_is_stale(e)) {
        e->stale = true;
        g_hash_table_remove(fdw.by_fd, GINT_TO_POINTER(fd));
        e = NULL;
    }
    if (!e) {
        e = g_new0(FdWatchEntry, 1);
        e->fd = fd;
        e->key = fd_watch_new_id(fdw.by_key, &fdw.last_key);
        fresh = true;
    }
    w = g_new0(FdWatchRec, 1);
    w->cond = cond;
    w->fn = fn;
    w->opaque = opaque;
    w->entry = e;
    w->next = e->watches;
    w->pprev = &e->watches;
    if (w->next) {
        w->next->pprev = &w->next;
    }
    e->watches = w;
    if (fd_watch_update(e, fresh ? EPOLL_CTL_ADD : EPOLL_CTL_MOD) < 0) {
        int saved = errno;

        e->watches = w->next;
        if (w->next) {
            w->next->pprev = &e->watches;
        }
        g_free(w);
        if (fresh) {
            g_free(e);
        }
        errno = saved;
        return 0;
    }
    if (fresh) {
        g_hash_table_insert(fdw.by_fd, GINT_TO_POINTER(fd), e);
        g_hash_table_insert(fdw.by_key, GUINT_TO_POINTER(e->key), e);
    }
    e->nlive++;
    w->id = fd_watch_new_id(fdw.by_id, &fdw.last_id);
    g_hash_table_insert(fdw.by_id, GUINT_TO_POINTER(w->id), w);
    return w->id;
}

bool fd_watch_remove(guint id)
{
    FdWatchRec *w;
    FdWatchEntry *e;

    if (!id || !fdw.by_id) {
        return false;
    }
    w = g_hash_table_lookup(fdw.by_id, GUINT_TO_POINTER(id));
    if (!w) {
        return false;
    }
    g_hash_table_remove(fdw.by_id, GUINT_TO_POINTER(id));
    w->dead = true;
    g_ptr_array_add(fdw.dead_watches, w);
    e = w->entry;
    if (--e->nlive == 0) {
        if (!e->stale) {
            /* fails harmlessly if the descriptor was already closed */
            epoll_ctl(fdw.epfd, EPOLL_CTL_DEL, e->fd, NULL);
            g_hash_table_remove(fdw.by_fd, GINT_TO_POINTER(e->fd));
        }
        g_hash_table_remove(fdw.by_key, GUINT_TO_POINTER(e->key));
        e->dead = true;
        g_ptr_array_add(fdw.dead_entries, e);
    } else if (!e->stale) {
        /* listening for too much is only a spurious wake-up */
        fd_watch_update(e, EPOLL_CTL_MOD);
    }
    if (fdw.depth == 0) {
        fd_watch_reap();
    }
    return true;
}

unsigned fd_watch_count(void)
{
    return fdw.by_id ? g_hash_table_size(fdw.by_id) : 0;
}
