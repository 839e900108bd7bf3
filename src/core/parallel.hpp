// SPDX-License-Identifier: MIT
#pragma once
// Work split across cores with results that do not depend on the thread count:
// items are cut into fixed-size chunks (independent of threads), each worker owns
// its own GEOS context, and chunk results come back in chunk order.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <cstddef>
#include <exception>
#include <functional>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

#include "geo/geos.hpp"

namespace zoning::core {

/// Threads to use: $ZONING_THREADS, else all cores.
unsigned default_threads();

inline constexpr std::size_t kChunk = 512;

/// worker() on `threads` threads, this one among them, and back when all have ended. What escapes
/// a worker (its GEOS context could not be made: out of memory) is rethrown here once every thread
/// has ended, not left to end the process; a thread the system will not start leaves its share to
/// the others.
template <class Worker>
void run_workers(unsigned threads, Worker&& worker) {
    std::mutex mutex;
    std::exception_ptr first;
    auto guarded = [&] {
        try {
            worker();
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex);
            if (!first) first = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    try {
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back(guarded);
    } catch (const std::system_error&) {
    }
    guarded();
    for (auto& t : pool) t.join();
    if (first) std::rethrow_exception(first);
}

/// As parallel_chunks, with per-worker state made once per worker by make_state(ctx)
/// (e.g. prepared frames and an index): fn(state, ctx, begin, end). `threads` 0 means
/// default_threads(): callers pass their option through and never resolve it themselves.
template <class R, class State>
std::vector<R> parallel_chunks_with(std::size_t n, unsigned threads,
                                    const std::function<std::unique_ptr<State>(const geo::GeosContext&)>& make_state,
                                    const std::function<R(State&, const geo::GeosContext&, std::size_t, std::size_t)>& fn) {
    const std::size_t chunks = (n + kChunk - 1) / kChunk;
    std::vector<R> results(chunks);
    std::vector<std::exception_ptr> errors(chunks);
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        geo::GeosContext ctx;  // one context per thread, never shared
        std::unique_ptr<State> state;
        for (std::size_t c; (c = next.fetch_add(1)) < chunks;) {
            try {
                if (!state) state = make_state(ctx);
                results[c] = fn(*state, ctx, c * kChunk, std::min(n, (c + 1) * kChunk));
            } catch (...) {
                errors[c] = std::current_exception();
            }
        }
        state.reset();  // destroyed through this thread's context, before it
    };
    if (threads == 0) threads = default_threads();
    if (threads > chunks) threads = static_cast<unsigned>(std::max<std::size_t>(chunks, 1));
    run_workers(threads, worker);
    for (auto& e : errors)
        if (e) std::rethrow_exception(e);
    return results;
}

/// Calls fn(ctx, begin, end) for consecutive chunks of [0, n) on `threads` workers (0: default_threads());
/// returns the chunk results in order. The first exception (in chunk order) is rethrown.
template <class R>
std::vector<R> parallel_chunks(std::size_t n, unsigned threads,
                               const std::function<R(const geo::GeosContext&, std::size_t, std::size_t)>& fn) {
    struct NoState {};
    return parallel_chunks_with<R, NoState>(
        n, threads, [](const geo::GeosContext&) { return std::make_unique<NoState>(); },
        [&fn](NoState&, const geo::GeosContext& ctx, std::size_t b, std::size_t e) { return fn(ctx, b, e); });
}

/// fn(ctx, task) for every task in `order` (a permutation of [0, n)), one task at a time on `threads`
/// workers (0: default_threads()), started in that order, for a few tasks of very unequal size that
/// chunks of kChunk would all give to one worker (give the largest first, so the last to end is
/// small). Results come back by task number, whatever the thread count; the first exception by task
/// number is rethrown.
template <class R>
std::vector<R> parallel_tasks(const std::vector<std::size_t>& order, unsigned threads, const std::function<R(const geo::GeosContext&, std::size_t)>& fn) {
    std::vector<R> results(order.size());
    std::vector<std::exception_ptr> errors(order.size());
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        geo::GeosContext ctx;  // one context per thread, never shared
        for (std::size_t i; (i = next.fetch_add(1)) < order.size();) {
            try {
                results[order[i]] = fn(ctx, order[i]);
            } catch (...) {
                errors[order[i]] = std::current_exception();
            }
        }
    };
    if (threads == 0) threads = default_threads();
    if (threads > order.size()) threads = static_cast<unsigned>(std::max<std::size_t>(order.size(), 1));
    run_workers(threads, worker);
    for (auto& e : errors)
        if (e) std::rethrow_exception(e);
    return results;
}

/// parallel_tasks for the items [0, n) taken in their order: for a few costly items (a rule's
/// unions, one per subject), which parallel_chunks would hand, as one chunk of kChunk, to one thread.
template <class R>
std::vector<R> parallel_each(std::size_t n, unsigned threads, const std::function<R(const geo::GeosContext&, std::size_t)>& fn) {
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    return parallel_tasks<R>(order, threads, fn);
}

/// One batch of a pipeline and what the workers made of it.
template <class Batch, class R>
struct PipelineBatch {
    Batch batch;
    R result{};
    std::exception_ptr error;
    bool worked = false;  // fn has run on it (under the pipeline's lock)
};

/// A reader feeding workers: produce(batch) fills one batch on the calling thread (GDAL's
/// thread) and returns false once there is nothing more to read (that last batch may still hold
/// items); fn(state, ctx, batch) works on each batch on `threads` workers (0: default_threads())
/// while the next is read, with per-worker state as in parallel_chunks_with. The batches come
/// back in the order read, with fn's results: nothing depends on the thread count. One thread
/// reads and works in turn, on the calling thread. The producer's exception is rethrown first,
/// then the first of fn's in batch order, whatever the thread count (an error in fn does not stop the reading).
///
/// `sink`, if given, takes each batch and its result in the order read, as soon as it and every
/// batch before it are worked on, on a thread of its own (with one thread: on the calling thread,
/// after each batch), so what is done with the results (e.g. writing them) overlaps the reading
/// too. It stops at the first batch fn failed on; its own first exception is rethrown after fn's.
template <class Batch, class R, class State>
std::vector<std::unique_ptr<PipelineBatch<Batch, R>>> pipeline(
    unsigned threads, const std::function<bool(Batch&)>& produce,
    const std::function<std::unique_ptr<State>(const geo::GeosContext&)>& make_state,
    const std::function<R(State&, const geo::GeosContext&, Batch&)>& fn,
    const std::function<void(Batch&, R&)>& sink = {}) {
    using Item = PipelineBatch<Batch, R>;
    std::vector<std::unique_ptr<Item>> items;
    if (threads == 0) threads = default_threads();
    std::mutex mutex;
    std::condition_variable ready, worked;
    std::deque<Item*> queue;
    std::vector<Item*> in_order;  // every batch read, for the sink (items may move while it runs)
    bool done = false, stop_sink = false;
    std::exception_ptr sink_error;
    auto work = [&](std::unique_ptr<State>& state, const geo::GeosContext& ctx, Item& item) {
        try {
            if (!state) state = make_state(ctx);
            item.result = fn(*state, ctx, item.batch);
        } catch (...) {
            item.error = std::current_exception();
        }
    };
    auto worker = [&] {
        geo::GeosContext ctx;  // one context per thread, never shared
        std::unique_ptr<State> state;
        for (;;) {
            Item* item = nullptr;
            {
                std::unique_lock<std::mutex> lock(mutex);
                ready.wait(lock, [&] { return done || !queue.empty(); });
                if (queue.empty()) break;
                item = queue.front();
                queue.pop_front();
            }
            work(state, ctx, *item);
            {
                std::lock_guard<std::mutex> lock(mutex);
                item->worked = true;
            }
            worked.notify_all();
        }
        state.reset();  // through this thread's context, before it goes
    };
    // The sink's thread: batch k once it is worked on; ends when reading is done and every
    // batch read has been taken (or one failed).
    auto drain = [&] {
        for (std::size_t k = 0;; ++k) {
            Item* item = nullptr;
            {
                std::unique_lock<std::mutex> lock(mutex);
                worked.wait(lock, [&] {
                    return stop_sink || (k < in_order.size() && in_order[k]->worked) || (done && k >= in_order.size());
                });
                if (stop_sink || k >= in_order.size()) return;
                item = in_order[k];
            }
            if (item->error) return;
            try {
                sink(item->batch, item->result);
            } catch (...) {
                sink_error = std::current_exception();
                return;
            }
        }
    };
    std::vector<std::thread> pool;
    if (threads > 1)
        for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
    std::thread sink_thread;
    if (sink && !pool.empty()) sink_thread = std::thread(drain);
    // One thread: each batch worked on here as soon as it is read, in this context.
    std::optional<geo::GeosContext> own;
    std::unique_ptr<State> own_state;
    std::exception_ptr read_error;
    bool sinking = static_cast<bool>(sink);
    try {
        for (bool more = true; more;) {
            auto item = std::make_unique<Item>();
            more = produce(item->batch);
            Item* raw = item.get();
            items.push_back(std::move(item));
            if (pool.empty()) {
                if (!own) own.emplace();
                work(own_state, *own, *raw);
                raw->worked = true;
                if (sinking && raw->error) sinking = false;
                if (sinking) {
                    try {
                        sink(raw->batch, raw->result);
                    } catch (...) {
                        sink_error = std::current_exception();
                        sinking = false;
                    }
                }
                continue;
            }
            {
                std::lock_guard<std::mutex> lock(mutex);
                queue.push_back(raw);
                in_order.push_back(raw);
            }
            ready.notify_one();
        }
    } catch (...) {
        read_error = std::current_exception();
    }
    own_state.reset();
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (read_error) {
            queue.clear();  // the read failed: what is queued is not worth working on, nor sinking
            stop_sink = true;
        }
        done = true;
    }
    ready.notify_all();
    for (auto& t : pool) t.join();
    worked.notify_all();
    if (sink_thread.joinable()) sink_thread.join();
    if (read_error) std::rethrow_exception(read_error);
    for (auto& item : items)
        if (item->error) std::rethrow_exception(item->error);
    if (sink_error) std::rethrow_exception(sink_error);
    return items;
}

/// Chunk results that are vectors, joined in chunk order.
template <class T>
std::vector<T> flatten(std::vector<std::vector<T>>&& chunks) {
    std::vector<T> out;
    for (auto& c : chunks) out.insert(out.end(), std::make_move_iterator(c.begin()), std::make_move_iterator(c.end()));
    return out;
}

}  // namespace zoning::core
