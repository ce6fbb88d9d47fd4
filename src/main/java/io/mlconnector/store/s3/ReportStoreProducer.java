package io.mlconnector.store.s3;

import io.mlconnector.config.ReportsConfig;
import io.mlconnector.store.ReportStore;
import io.mlconnector.store.file.FileReportStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.services.s3.S3Client;

/** The report store {@code reports.*} names: the bucket when one is configured, else the local directory. */
@ApplicationScoped
public class ReportStoreProducer {

    @Produces
    @ApplicationScoped
    ReportStore reportStore(ReportsConfig config, Instance<S3Client> s3) {
        return config.bucket().filter(b -> !b.isBlank())
                .<ReportStore>map(bucket -> new S3ReportStore(s3.get(), bucket))
                .orElseGet(() -> new FileReportStore(config.directory()));
    }
}
