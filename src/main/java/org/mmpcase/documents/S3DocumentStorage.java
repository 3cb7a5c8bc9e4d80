package org.mmpcase.documents;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Documents as objects in one bucket of any S3 API (AWS S3, MinIO, Ceph), named {@code <prefix><uuid>}: the same
 * keys as the folder store hands out, so the database does not care which store wrote them. A PUT is all-or-nothing
 * in S3, so no temporary names are needed; every node of a cluster reads what any node wrote.
 */
class S3DocumentStorage implements DocumentStorage, AutoCloseable {

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	/** Health probes are written here: outside the document keys, so no listing ever takes them for a document. */
	private static final String PROBE = ".health/";

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	S3DocumentStorage(S3Client s3, String bucket, String prefix) {
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = prefix == null ? "" : prefix;
	}

	@Override
	public String store(byte[] content) {
		String key = UUID.randomUUID().toString();
		s3.putObject(put -> put.bucket(bucket).key(objectKey(key)).contentType("application/octet-stream"),
				RequestBody.fromBytes(content));
		return key;
	}

	@Override
	public byte[] read(String key) {
		try {
			return s3.getObjectAsBytes(get -> get.bucket(bucket).key(objectKey(key))).asByteArray();
		}
		catch (NoSuchKeyException ex) {
			throw new DocumentIntegrityException("Document " + key + " is missing from storage", ex);
		}
	}

	@Override
	public void delete(String key) {
		// S3 answers a delete of a missing object with success: removal is idempotent, as on the folder store
		s3.deleteObject(delete -> delete.bucket(bucket).key(objectKey(key)));
	}

	@Override
	public void forEachKeyWrittenBefore(Instant cutoff, Consumer<String> action) {
		// pages of 1000 keys, fetched as the iteration goes: a bucket of millions is never held in memory
		for (S3Object object : s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(prefix)).contents()) {
			String name = object.key().substring(prefix.length());
			if (KEY.matcher(name).matches() && object.lastModified() != null
					&& object.lastModified().isBefore(cutoff)) {
				action.accept(name);
			}
		}
	}

	@Override
	public String location() {
		return "s3://" + bucket + "/" + prefix;
	}

	@Override
	public void probe() {
		String key = prefix + PROBE + UUID.randomUUID();
		s3.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromBytes(new byte[] { 1 }));
		s3.deleteObject(delete -> delete.bucket(bucket).key(key));
	}

	@Override
	public void close() {
		s3.close();
	}

	String objectKey(String key) {
		// keys come from the database: accept only what store() hands out
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a document storage key");
		}
		return prefix + key;
	}

}
