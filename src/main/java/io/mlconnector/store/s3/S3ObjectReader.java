package io.mlconnector.store.s3;

import io.mlconnector.store.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads an object with {@code GetObject}, through the Quarkus S3 extension's client (configured under
 * {@code quarkus.s3.*}; URL-connection HTTP client, credentials and region from the Lambda environment).
 */
@ApplicationScoped
public class S3ObjectReader implements ObjectReader {
    private final S3Client s3;

    public S3ObjectReader(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public String readText(String uri) {
        S3Location location;
        try {
            location = S3Location.parse(uri);
        } catch (IllegalArgumentException e) {
            throw new ObjectReadException("Cannot read " + uri + ": " + e.getMessage());
        }
        try {
            byte[] bytes = s3.getObjectAsBytes(GetObjectRequest.builder()
                    .bucket(location.bucket()).key(location.key()).build()).asByteArray();
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            throw new ObjectReadException("Cannot read " + location + ": " + e.statusCode()
                    + (code == null ? "" : " " + code) + switch (e.statusCode()) {
                        // Without s3:ListBucket, S3 answers a missing key with 403 too.
                        case 403 -> " (no such key, or the function's role lacks s3:GetObject on it, or kms:Decrypt"
                                + " for SSE-KMS: check MappingS3Bucket and MappingS3Key)";
                        case 404 -> " (no such bucket or key: check MappingS3Bucket and MappingS3Key)";
                        default -> "";
                    });
        } catch (SdkClientException e) {
            throw new ObjectReadException("Cannot read " + location + ": " + e.getMessage());
        }
    }
}
