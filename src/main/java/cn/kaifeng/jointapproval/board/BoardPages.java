package cn.kaifeng.jointapproval.board;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /board} and {@code /board/} open the city overview (the pages are static files). */
@Controller
class BoardPages {

  @GetMapping("/board")
  String slash() {
    return "redirect:/board/";
  }

  @GetMapping("/board/")
  String index() {
    return "forward:/board/index.html";
  }
}
