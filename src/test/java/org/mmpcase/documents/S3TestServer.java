package org.mmpcase.documents;

import java.net.URI;
import java.util.Properties;
import java.util.UUID;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API for the tests: s3proxy in this JVM on a free loopback port, over jclouds' in-memory blob store,
 * with signature V4 authentication like AWS S3 and MinIO. Its Jetty is shaded into s3proxy's own package, so it
 * does not meet the app's Tomcat. One server for the JVM; every test makes buckets of its own.
 */
final class S3TestServer {

	static final String ACCESS_KEY = "mmp-test-access";

	static final String SECRET_KEY = "mmp-test-secret";

	private static S3TestServer instance;

	private final URI endpoint;

	private S3TestServer(URI endpoint) {
		this.endpoint = endpoint;
	}

	static synchronized S3TestServer get() {
		if (instance == null) {
			instance = start();
		}
		return instance;
	}

	private static S3TestServer start() {
		Properties overrides = new Properties();
		BlobStoreContext context = ContextBuilder.newBuilder("transient")
			.credentials("identity", "credential")
			.overrides(overrides)
			.build(BlobStoreContext.class);
		S3Proxy proxy = S3Proxy.builder()
			.blobStore(context.getBlobStore())
			.endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			.build();
		try {
			// Jetty's start returns once it listens
			proxy.start();
		}
		catch (Exception ex) {
			throw new IllegalStateException("s3proxy did not start", ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				proxy.stop();
			}
			catch (Exception ignored) {
				// the JVM is going
			}
		}));
		return new S3TestServer(URI.create("http://127.0.0.1:" + proxy.getPort()));
	}

	String endpoint() {
		return endpoint.toString();
	}

	/** The app's client settings for this server. */
	DocumentProperties.S3 settings(String bucket) {
		return new DocumentProperties.S3(bucket, "documents/", endpoint(), "us-east-1", true, ACCESS_KEY, SECRET_KEY);
	}

	/** A client made as the app makes it, for looking at the objects themselves. */
	S3Client client() {
		return DocumentConfiguration.s3Client(settings("unused"));
	}

	/** A new, empty bucket. */
	String newBucket() {
		String bucket = "mmp-" + UUID.randomUUID().toString().substring(0, 8);
		try (S3Client s3 = client()) {
			s3.createBucket(create -> create.bucket(bucket));
		}
		return bucket;
	}

}
