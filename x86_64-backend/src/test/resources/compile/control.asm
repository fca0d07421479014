; function %sum_to(i64) -> i64 {
; block0(v0: i64):
;     v1 = iconst.i64 0
;     jump block1(v1, v0)
; block1(v2: i64, v3: i64):
;     v4 = icmp_imm eq v3, 0
;     brif v4, block3, block2
; block2:
;     v5 = iadd v2, v3
;     v6 = iadd_imm v3, -1
;     jump block1(v5, v6)
; block3:
;     return v2
; }
%sum_to:
   0: push rbp
   1: mov rbp,rsp
   4: xor eax,eax
   6: test rdi,rdi
   9: je 0x1c
   f: lea rax,[rax+rdi*1]
  13: lea rcx,[rdi-0x1]
  17: mov rdi,rcx
  1a: jmp 0x6
  1c: mov rsp,rbp
  1f: pop rbp
  20: ret

; function %classify(i32) -> i64 {
; block0(v0: i32):
;     br_table v0, block4, [block1, block2, block3]
; block1:
;     v1 = iconst.i64 10
;     return v1
; block2:
;     v2 = iconst.i64 20
;     return v2
; block3:
;     v3 = iconst.i64 30
;     return v3
; block4:
;     v4 = iconst.i64 -1
;     return v4
; }
%classify:
  30: push rbp
  31: mov rbp,rsp
  34: mov eax,edi
  36: cmp rax,0x3
  3c: jae 0x86
  42: lea r11,[rip+0x7] # 0x50
  49: lea r11,[r11+rax*8]
  4d: jmp r11
  50: jmp 0x68
  55: nop DWORD PTR [rax]
  58: jmp 0x72
  5d: nop DWORD PTR [rax]
  60: jmp 0x7c
  65: nop DWORD PTR [rax]
  68: mov eax,0xa
  6d: mov rsp,rbp
  70: pop rbp
  71: ret
  72: mov eax,0x14
  77: mov rsp,rbp
  7a: pop rbp
  7b: ret
  7c: mov eax,0x1e
  81: mov rsp,rbp
  84: pop rbp
  85: ret
  86: mov rax,0xffffffffffffffff
  8d: mov rsp,rbp
  90: pop rbp
  91: ret

; function %check(i64) -> i64 {
; block0(v0: i64):
;     v1 = icmp_imm ult v0, 10
;     brif v1, block1, block2
; block1:
;     return v0
; block2:
;     trap user7
; }
%check:
  a0: push rbp
  a1: mov rbp,rsp
  a4: cmp rdi,0xa
  a8: jae 0xb6
  ae: mov rax,rdi
  b1: mov rsp,rbp
  b4: pop rbp
  b5: ret
  b6: jmp 0xbb
  bb: mov eax,0x17
  c0: jmp 0x1a4

