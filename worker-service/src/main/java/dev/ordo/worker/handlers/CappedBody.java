package dev.ordo.worker.handlers;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to {@code limit} bytes; past that the read stops, the rest of
 * the response is abandoned and the body says it was cut off, so no response can fill the worker's
 * heap.
 *
 * @param bytes at most {@code limit} bytes
 * @param exceeded true when the response had more than {@code limit} bytes
 */
record CappedBody(byte[] bytes, boolean exceeded) {

    static BodySubscriber<CappedBody> subscriber(int limit) {
        return new Reader(limit);
    }

    private static final class Reader implements BodySubscriber<CappedBody> {

        private final int limit;
        private final ByteArrayOutputStream read = new ByteArrayOutputStream();
        private final CompletableFuture<CappedBody> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Reader(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<CappedBody> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (read.size() + buffer.remaining() > limit) {
                    subscription.cancel();
                    body.complete(new CappedBody(read.toByteArray(), true));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                read.writeBytes(chunk);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(new CappedBody(read.toByteArray(), false));
        }
    }
}
