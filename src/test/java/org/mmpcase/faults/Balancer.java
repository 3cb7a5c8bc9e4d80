package org.mmpcase.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's HAProxy (at $HAPROXY, default /usr/sbin/haproxy; tools/cluster/ensure-haproxy.sh installs it) on the
 * repository's tools/cluster/haproxy.cfg, the file docker-compose.yml mounts: the same configuration with only the port
 * of its {@code bind} line and its {@code server} lines (the compose file's nodes) replaced.
 */
public final class Balancer {

	private Balancer() {
	}

	/** tools/cluster/haproxy.cfg listening on {@code port} of the loopback, in front of the nodes on these ports. */
	public static List<String> config(int port, List<Integer> nodePorts) throws IOException {
		List<String> config = new ArrayList<>();
		boolean serversAdded = false;
		for (String line : Files.readAllLines(Path.of("tools", "cluster", "haproxy.cfg"))) {
			String trimmed = line.trim();
			if (trimmed.startsWith("bind ")) {
				config.add(line.replace(trimmed, "bind 127.0.0.1:" + port));
			}
			else if (trimmed.startsWith("server ")) {
				if (!serversAdded) {
					for (int i = 0; i < nodePorts.size(); i++) {
						config.add("    server node-" + (i + 1) + " 127.0.0.1:" + nodePorts.get(i));
					}
					serversAdded = true;
				}
			}
			else {
				config.add(line);
			}
		}
		return config;
	}

	/** Starts HAProxy in the foreground (-db) on that configuration, written to {@code dir}; its output to log. */
	public static Process start(List<String> config, Path dir, Path log) throws IOException {
		Path file = dir.resolve("haproxy.cfg");
		Files.write(file, config);
		String haproxy = System.getenv().getOrDefault("HAPROXY", "/usr/sbin/haproxy");
		return new ProcessBuilder(haproxy, "-db", "-f", file.toString()).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
	}

}
