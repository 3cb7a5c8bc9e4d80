package org.mmpcase.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.RandomAccessInputStream;
import org.apache.pdfbox.io.RandomAccessOutputStream;
import org.apache.pdfbox.io.RandomAccessReadWriteBuffer;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * What rendering a page would make PDFBox decode, looked at before it does. PDFBox decodes a stream completely into
 * memory before using it, and an image into a raster of the size it declares, so a few kilobytes of a hostile PDF
 * can ask for gigabytes: an image declaring 20000 x 20000 pixels, or a content stream that inflates a thousandfold.
 * Everything the page's drawing can reach is visited once (its contents, its resources with their forms, patterns,
 * fonts and soft masks, and its annotations' appearances); images are judged by their declared size without
 * decoding, every other stream is inflated once into a counter, not into memory, against one budget for the page.
 */
final class PdfPageLimits {

	/** Filters only images use; those streams are judged by their declared size. */
	private static final Set<COSName> IMAGE_FILTERS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
			COSName.JPX_DECODE, COSName.JBIG2_DECODE, COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION);

	/** Keys that lead away from this page's drawing: to the page tree, to other pages, to the form field tree. */
	private static final Set<COSName> NOT_DRAWN = Set.of(COSName.PARENT, COSName.P, COSName.DEST, COSName.A,
			COSName.PA, COSName.NEXT, COSName.POPUP, COSName.IRT);

	private static final Set<COSName> NOT_FOLLOWED_TYPES = Set.of(COSName.PAGE, COSName.PAGES, COSName.CATALOG);

	private PdfPageLimits() {
	}

	/** Empty when the page may be rendered, otherwise what makes it too large (for the reviewer's message). */
	static Optional<String> problemOf(PDPage page, long maxImagePixels, long maxDecodedBytes) {
		Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<COSBase> pending = new ArrayDeque<>();
		COSDictionary dictionary = page.getCOSObject();
		push(pending, dictionary.getDictionaryObject(COSName.CONTENTS));
		// resources may be inherited from the page tree: PDPage resolves that
		push(pending, page.getResources() == null ? null : page.getResources().getCOSObject());
		if (dictionary.getDictionaryObject(COSName.ANNOTS) instanceof COSArray annotations) {
			for (COSBase annotation : annotations) {
				if (resolve(annotation) instanceof COSDictionary annotationDictionary) {
					push(pending, annotationDictionary.getDictionaryObject(COSName.AP));
				}
			}
		}
		long budget = maxDecodedBytes;
		while (!pending.isEmpty()) {
			COSBase next = resolve(pending.pop());
			if (next == null || !seen.add(next)) {
				continue;
			}
			if (next instanceof COSStream stream && COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
				long width = stream.getLong(COSName.WIDTH, 0);
				long height = stream.getLong(COSName.HEIGHT, 0);
				if ((double) width * height > maxImagePixels) {
					return Optional.of("holds an image of " + width + " x " + height + " pixels");
				}
			}
			else if (next instanceof COSStream stream) {
				budget -= decodedLength(stream, budget);
				if (budget < 0) {
					return Optional.of(
							"holds more than " + maxDecodedBytes / (1024 * 1024) + " MB of drawing instructions");
				}
			}
			if (next instanceof COSDictionary followed && !isOtherPart(followed)) {
				followed.entrySet()
					.stream()
					.filter(entry -> !NOT_DRAWN.contains(entry.getKey()))
					.forEach(entry -> push(pending, entry.getValue()));
			}
			else if (next instanceof COSArray array) {
				array.forEach(element -> push(pending, element));
			}
		}
		return Optional.empty();
	}

	private static boolean isOtherPart(COSDictionary dictionary) {
		COSName type = dictionary.getCOSName(COSName.TYPE);
		return type != null && NOT_FOLLOWED_TYPES.contains(type);
	}

	private static void push(Deque<COSBase> pending, COSBase value) {
		if (value != null) {
			pending.push(value);
		}
	}

	private static COSBase resolve(COSBase value) {
		return value instanceof COSObject reference ? reference.getObject() : value;
	}

	/**
	 * How many bytes the stream decodes to, counted up to just over {@code limit}; a stream that cannot be decoded
	 * counts what came out before the error (the renderer skips damaged content as well).
	 */
	private static long decodedLength(COSStream stream, long limit) {
		List<COSName> filters = filtersOf(stream);
		if (filters.isEmpty()) {
			return stream.getLength();
		}
		if (filters.stream().anyMatch(IMAGE_FILTERS::contains)) {
			return 0;
		}
		try {
			InputStream input = stream.createRawInputStream();
			for (int i = 0; i < filters.size(); i++) {
				boolean last = i == filters.size() - 1;
				// only a chain of filters needs what one stage decodes kept for the next
				RandomAccessReadWriteBuffer kept = last ? null : new RandomAccessReadWriteBuffer();
				Counter counter = new Counter(limit, kept == null ? null : new RandomAccessOutputStream(kept));
				try (InputStream in = input) {
					FilterFactory.INSTANCE.getFilter(filters.get(i)).decode(in, counter, stream, i);
				}
				catch (IOException ex) {
					return counter.count;
				}
				catch (Counter.LimitReached ex) {
					return limit + 1;
				}
				if (last) {
					return counter.count;
				}
				kept.seek(0);
				input = new RandomAccessInputStream(kept);
			}
		}
		catch (IOException ex) {
			return 0;
		}
		return 0;
	}

	private static List<COSName> filtersOf(COSStream stream) {
		COSBase filters = stream.getFilters();
		List<COSName> names = new ArrayList<>();
		if (filters instanceof COSName name) {
			names.add(name);
		}
		else if (filters instanceof COSArray array) {
			array.forEach(element -> {
				if (resolve(element) instanceof COSName name) {
					names.add(name);
				}
			});
		}
		return names;
	}

	/** Counts what a filter writes, passes it on when a next stage needs it, and stops it past the limit. */
	private static final class Counter extends OutputStream {

		private final long limit;

		private final OutputStream next;

		long count;

		Counter(long limit, OutputStream next) {
			this.limit = limit;
			this.next = next;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			count += len;
			if (count > limit) {
				// unchecked, so that no filter mistakes it for damaged data and carries on
				throw new LimitReached();
			}
			if (next != null) {
				next.write(b, off, len);
			}
		}

		static final class LimitReached extends RuntimeException {

			LimitReached() {
				super(null, null, false, false);
			}

		}

	}

}
