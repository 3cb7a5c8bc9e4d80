package org.mmpcase.shared;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every answer of the API that is not a success is JSON a person can act on: a status, a message and, for bad
 * input, a message per field. Never a stack trace.
 */
@RestControllerAdvice(basePackages = "org.mmpcase")
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final DataSize maxFileSize;

	ApiExceptionHandler(@Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize maxFileSize) {
		this.maxFileSize = maxFileSize;
	}

	@ExceptionHandler(BadRequestException.class)
	ResponseEntity<Map<String, Object>> badRequest(BadRequestException ex) {
		return body(HttpStatus.BAD_REQUEST, ex.getMessage(), ex.getFieldErrors());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException ex) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			fields.putIfAbsent(error.getField(), error.getDefaultMessage());
		}
		return body(HttpStatus.BAD_REQUEST, "Some fields need your attention.", fields);
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class, MissingServletRequestPartException.class })
	ResponseEntity<Map<String, Object>> unreadable(Exception ex) {
		return body(HttpStatus.BAD_REQUEST, "The request could not be read: check its format and required values.",
				Map.of());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException ex) {
		return body(HttpStatus.PAYLOAD_TOO_LARGE, "The file is too large. Upload a file of at most "
				+ maxFileSize.toMegabytes() + " MB (a scan or a photo at lower resolution).",
				Map.of("file", "File too large"));
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Map<String, Object>> multipart(MultipartException ex) {
		return body(HttpStatus.BAD_REQUEST, "Send the file as multipart/form-data in a part named 'file'.",
				Map.of());
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<Map<String, Object>> notFound(NotFoundException ex) {
		return body(HttpStatus.NOT_FOUND, ex.getMessage(), Map.of());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException ex) {
		return body(HttpStatus.NOT_FOUND, "No such resource.", Map.of());
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<Map<String, Object>> conflict(ConflictException ex) {
		return body(HttpStatus.CONFLICT, ex.getMessage(), Map.of());
	}

	/**
	 * A race lost on every attempt (commands that retry, see {@link ConcurrentChanges}) or in a command that does
	 * not retry: the engine's optimistic lock, a JPA version conflict, a lock timeout or deadlock.
	 */
	@ExceptionHandler({ OptimisticLockingException.class, ConcurrencyFailureException.class,
			ConcurrentChanges.ConcurrentChangeException.class })
	ResponseEntity<Map<String, Object>> concurrentChange(Exception ex) {
		log.info("Concurrent change answered with 409 ({})", ex.getClass().getSimpleName());
		return body(HttpStatus.CONFLICT, "The application changed at the same time. Reload it and try again.",
				Map.of());
	}

	@ExceptionHandler({ HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class })
	ResponseEntity<Map<String, Object>> unsupported(Exception ex) {
		return body(HttpStatus.BAD_REQUEST, ex.getMessage(), Map.of());
	}

	@ExceptionHandler(ResponseStatusException.class)
	ResponseEntity<Map<String, Object>> status(ResponseStatusException ex) {
		return body(HttpStatus.valueOf(ex.getStatusCode().value()), ex.getReason(), Map.of());
	}

	@ExceptionHandler(AuthorizationException.class)
	ResponseEntity<Map<String, Object>> forbidden(AuthorizationException ex) {
		return body(HttpStatus.FORBIDDEN, "Your role may not do this: " + ex.getMessage(), Map.of());
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class })
	ResponseEntity<Map<String, Object>> databaseUnavailable(Exception ex) {
		log.warn("Database unreachable: {}", ex.getClass().getSimpleName());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, DatabaseOutages.RETRY_AFTER_SECONDS)
			.body(body(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutages.MESSAGE, Map.of()).getBody());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> unexpected(Exception ex) {
		if (DatabaseOutages.isCause(ex)) {
			// the engine wraps the pool's connection error in its own exceptions
			return databaseUnavailable(ex);
		}
		// without the messages: they may quote what the request carried (a database constraint's values)
		log.error("Unexpected error in the API: {}", LogSafe.describe(ex), LogSafe.redacted(ex));
		return body(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. Nothing was saved; please try again later.", Map.of());
	}

	private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message,
			Map<String, String> fieldErrors) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.value());
		body.put("error", status.getReasonPhrase());
		body.put("message", message);
		if (!fieldErrors.isEmpty()) {
			body.put("fieldErrors", fieldErrors);
		}
		return ResponseEntity.status(status).body(body);
	}

}
