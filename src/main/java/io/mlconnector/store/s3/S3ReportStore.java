package io.mlconnector.store.s3;

import io.mlconnector.store.ReportStore;
import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Writes reports with {@code PutObject} into the stack's bucket. No ACL (the bucket enforces owner-only objects and
 * blocks public access) and no encryption header: the bucket's default encryption applies, so the stack decides
 * (SSE-S3 or KMS) in one place.
 */
public class S3ReportStore implements ReportStore {
    private final S3Client s3;
    private final String bucket;

    public S3ReportStore(S3Client s3, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    @Override
    public URI put(String key, String contentType, byte[] content) {
        try {
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType).build(),
                    RequestBody.fromBytes(content));
            return URI.create("s3://" + bucket + "/" + key);
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            throw new ReportWriteException("Cannot write s3://" + bucket + "/" + key + ": " + e.statusCode()
                    + (code == null ? "" : " " + code) + (e.statusCode() == 403
                    ? " (the function's role lacks s3:PutObject on the reports bucket, or kms:GenerateDataKey)" : ""),
                    e);
        } catch (SdkClientException e) {
            throw new ReportWriteException("Cannot write s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    /** A report could not be stored; the message says where and why, never the content. */
    public static final class ReportWriteException extends RuntimeException {
        public ReportWriteException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
