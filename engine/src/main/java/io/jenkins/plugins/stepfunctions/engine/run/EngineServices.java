package io.jenkins.plugins.stepfunctions.engine.run;

import io.jenkins.plugins.stepfunctions.engine.mock.MockConfig;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every execution of one engine shares: time, threads, tokens, activities, mocks, HTTP, and the
 * folder standing for S3 ({@code s3}, null without {@code --s3-dir}).
 */
record EngineServices(Clock clock, double timeScale, ExecutorService workers, ScheduledExecutorService timers,
                      TaskTokens tokens, Activities activities, MockConfig mocks, StatusChangeNotifier notifier,
                      LazyHttpClient http, HttpInvokeGuard httpInvokeGuard, Random random, S3Folder s3) {
}
