package org.mmpcase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MmpCaseManagerApplication {

	public static void main(String[] args) {
		SpringApplication.run(MmpCaseManagerApplication.class, args);
	}

}
